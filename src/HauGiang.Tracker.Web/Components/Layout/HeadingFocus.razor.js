// Moves the focus to the page's heading after a navigation, as Blazor's FocusOnNavigate does, so a screen reader
// announces the new page. On the first load of a page the person may already be typing in a field (the search box
// in the app bar is usable before the circuit starts): the heading then leaves the focus where it is.
export function focusHeading(selector, spareField) {
  const active = document.activeElement;
  if (spareField && active && active !== document.body && active.matches('input, textarea, select, [contenteditable="true"]')) {
    return;
  }
  const heading = document.querySelector(selector);
  if (!heading) {
    return;
  }
  if (!heading.hasAttribute('tabindex')) {
    heading.tabIndex = -1;
  }
  heading.focus();
}
