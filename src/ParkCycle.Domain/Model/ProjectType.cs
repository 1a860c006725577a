namespace ParkCycle.Domain.Model;

/// <summary>The kinds of retrofit and clean-up project the plan tracks.</summary>
public enum ProjectType
{
    /// <summary>A cleaner-production audit (清洁生产审核, <c>cleaner-production-audit</c>).</summary>
    CleanerProductionAudit,
    /// <summary>A cleaner-production retrofit (清洁生产改造, <c>cleaner-production</c>).</summary>
    CleanerProduction,
    /// <summary>A circular-transformation retrofit (循环化改造, <c>circular-transformation</c>).</summary>
    CircularTransformation,
    /// <summary>An energy-saving retrofit (节能改造, <c>energy-saving</c>).</summary>
    EnergySaving,
    /// <summary>Moving the plant out, e.g. a riverside chemical plant (搬迁, <c>relocation</c>).</summary>
    Relocation,
    /// <summary>Shutting the plant down (关闭退出, <c>closure</c>).</summary>
    Closure,
    /// <summary>Cleaning up the contaminated site left behind (场地修复, <c>site-remediation</c>).</summary>
    SiteRemediation,
}
