// Brings the day line into view and lets the arrow keys move between the rows' links. Focus moves without
// scrolling sideways (a row is wider than the screen), then the row is scrolled into view vertically only.
export function attach(region, dayX) {
    if (!region || region.dataset.attached) {
        return;
    }
    region.dataset.attached = "true";
    region.scrollLeft = Math.max(0, dayX - region.clientWidth / 3);
    region.addEventListener("keydown", event => {
        if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
            return;
        }
        const row = event.target.closest && event.target.closest(".rm-row");
        if (!row) {
            return;
        }
        const step = event.key === "ArrowDown" ? r => r.nextElementSibling : r => r.previousElementSibling;
        let next = step(row);
        while (next && !next.classList.contains("rm-row")) {
            next = step(next);
        }
        const link = next && next.querySelector("a.rm-label");
        if (!link) {
            return;
        }
        event.preventDefault();
        link.focus({ preventScroll: true });
        const top = next.offsetTop, bottom = top + next.offsetHeight, ruler = 40;
        if (top < region.scrollTop + ruler) {
            region.scrollTop = top - ruler;
        } else if (bottom > region.scrollTop + region.clientHeight) {
            region.scrollTop = bottom - region.clientHeight;
        }
    });
}
