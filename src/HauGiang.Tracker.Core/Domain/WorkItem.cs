using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Domain;

public enum WorkItemKind
{
    Task,
    Document,
}

/// <summary>Whether an item still counts: closed items are finished administratively, dropped ones removed by an amendment.</summary>
public enum ItemState
{
    Active,
    Closed,
    Dropped,
}

/// <summary>Where an item comes from, so the UI never claims the Program says what it does not.</summary>
public enum ItemOrigin
{
    /// <summary>The Program's own text (Chương trình số 50-CTr/TU): its tasks and documents to issue.</summary>
    Program,
    /// <summary>The Provincial Party Secretary's article setting out the six groups of tasks and solutions.</summary>
    SecretaryArticle,
    /// <summary>Added by an amendment of the Program (see <see cref="WorkItem.AddedByAmendmentId"/>).</summary>
    Amendment,
    /// <summary>Entered by an administrator (a form or a workbook) without a stated source.</summary>
    Administrator,
}

/// <summary>
/// Something the program makes a unit responsible for and reports on: a task (nhiệm vụ) or a document
/// to issue (văn bản phải ban hành). Tasks and documents form one tree and share deadlines,
/// assignments, milestones and progress reports.
/// </summary>
public abstract class WorkItem : Entity
{
    public int ProgramId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public abstract WorkItemKind Kind { get; }

    public int? ParentId { get; set; }
    public WorkItem? Parent { get; set; }
    public List<WorkItem> Children { get; } = [];

    public int? BreakthroughId { get; set; }
    public StrategicBreakthrough? Breakthrough { get; set; }
    public int? GroupId { get; set; }
    public SolutionGroup? Group { get; set; }

    public int Ordinal { get; set; }
    /// <summary>How much the item counts in its parent's progress.</summary>
    public decimal Weight { get; set; } = 1m;
    public string? ResponsiblePerson { get; set; }
    public DateOnly? StartsOn { get; set; }

    /// <summary>The deadline in force. Change it only through <see cref="AdjustDeadline"/>, which keeps the history.</summary>
    public Deadline Deadline { get; private set; } = Deadline.Unspecified;
    public Deadline OriginalDeadline { get; private set; } = Deadline.Unspecified;

    public ItemState State { get; set; } = ItemState.Active;
    public int? AddedByAmendmentId { get; set; }
    public int? DroppedByAmendmentId { get; set; }

    public ItemOrigin Origin { get; set; } = ItemOrigin.Administrator;
    /// <summary>The source as a person would cite it: the article's title, the plan an administrator copied from.</summary>
    public string? SourceNote { get; set; }

    /// <summary>Sample data seeded so the app is alive; shown as "Mẫu" everywhere.</summary>
    public bool IsSample { get; set; }

    public List<WorkItemAssignment> Assignments { get; } = [];
    public List<DeadlineRevision> DeadlineRevisions { get; } = [];
    public List<Milestone> Milestones { get; } = [];

    /// <summary>Sets the first deadline; the item's history starts with it.</summary>
    public void SetOriginalDeadline(Deadline deadline, DateOnly effectiveOn)
    {
        if (DeadlineRevisions.Count > 0)
        {
            throw new InvalidOperationException($"Item {Code} already has a deadline; adjust it instead.");
        }
        Deadline = OriginalDeadline = deadline;
        DeadlineRevisions.Add(new DeadlineRevision { Sequence = 0, Deadline = deadline, EffectiveOn = effectiveOn });
    }

    /// <summary>Corrects an original deadline that was entered wrong, while no adjustment has been made.</summary>
    public void CorrectOriginalDeadline(Deadline deadline)
    {
        if (DeadlineRevisions.Count != 1)
        {
            throw new InvalidOperationException($"Item {Code} has adjusted deadlines; the original stays as it was.");
        }
        Deadline = OriginalDeadline = deadline;
        DeadlineRevisions[0].Deadline = deadline;
    }

    /// <summary>Records a new deadline in force with its basis; the original and every earlier one stay.</summary>
    public DeadlineRevision AdjustDeadline(Deadline deadline, AdjustmentBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var revision = new DeadlineRevision
        {
            Sequence = DeadlineRevisions.Count == 0 ? 1 : DeadlineRevisions.Max(r => r.Sequence) + 1,
            Deadline = deadline,
            EffectiveOn = basis.DecisionDate,
            BasisNumber = basis.DecisionNumber,
            BasisDate = basis.DecisionDate,
            BasisNote = basis.Note,
            AmendmentId = basis.AmendmentId,
        };
        DeadlineRevisions.Add(revision);
        Deadline = deadline;
        return revision;
    }

    public WorkItemAssignment? CurrentLead => Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead && a.EndsOn is null);
}

/// <summary>The decision a deadline adjustment rests on.</summary>
public sealed record AdjustmentBasis(string DecisionNumber, DateOnly DecisionDate, string? Note = null, int? AmendmentId = null);

public sealed class TaskItem : WorkItem
{
    public override WorkItemKind Kind => WorkItemKind.Task;
}
