using ParkCycle.Domain.Model;

namespace ParkCycle.Graph.Tests;

/// <summary>Chain gaps worked out by hand: one output in one gap, minimum scale, leaving suppliers, missing processors.</summary>
public class ChainGapTests
{
    [Fact]
    public void AnOutputTakenByTwoStages_IsCountedInTheMoreValuableOneOnly_AndScaleAndLeavingAreShown()
    {
        // 100 t of landfilled fly ash from a relocating plant R. Stage "blocks" credits fly ash's best use (0.86 t CO2e/t
        // into clinker, no rule to aerated blocks), stage "bricks" its brick rule (0.05): blocks takes it, bricks is left
        // with nothing. Blocks needs 1,000 t/a to be economic, so it is flagged below scale.
        var knowledge = new AnalysisKnowledge(
            [
                new ChainStage(Chain.BuildingMaterials, "blocks", 1, "砌块", "blocks", null, ["fly-ash"], ["aerated-blocks"], null) { MinScale = 1000 },
                new ChainStage(Chain.BuildingMaterials, "bricks", 2, "砖", "bricks", null, ["clay"], ["bricks"], null),
            ],
            AnalysisKnowledge.Default.Indicators);
        var park = new ParkBuilder()
            .Enterprise("R", 29.50m, 113.47m, status: EnterpriseStatus.Relocating, endDate: new DateOnly(2025, 12, 31))
            .Flow("R", ExternalNode.Landfill, "fly-ash", 100)
            .Build();

        var gaps = ParkAnalyzer.Analyze(park, new AnalysisOptions { Knowledge = knowledge }).Gaps;

        var blocks = Assert.Single(gaps, g => g.Stage == "blocks");
        Assert.Equal((ChainGapKind.UnabsorbedOutput, 86m, true), (blocks.Kind, blocks.Co2eAvoidedT, blocks.BelowMinimumScale));
        Assert.Equal(["R (leaves 2025-12-31)"], blocks.LeavingSuppliers);
        var bricks = Assert.Single(gaps, g => g.Stage == "bricks");
        Assert.Equal((ChainGapKind.MissingStage, 0m), (bricks.Kind, bricks.Co2eAvoidedT));
    }

    [Fact]
    public void APathwayWhoseProcessNoOneRuns_IsAMissingProcessorGap()
    {
        // Manure to natural gas needs anaerobic digestion; nobody digests, so the park would recruit a digester.
        var park = new ParkBuilder()
            .Enterprise("F", 29.50m, 113.47m)
            .Enterprise("P", 29.51m, 113.48m)
            .Flow("F", ExternalNode.Landfill, "livestock-manure", 1000)
            .Flow(ExternalNode.Import, "P", "natural-gas", 100)
            .Build();
        var knowledge = new AnalysisKnowledge([], AnalysisKnowledge.Default.Indicators);

        var gap = Assert.Single(ParkAnalyzer.Analyze(park, new AnalysisOptions { Knowledge = knowledge }).Gaps);

        Assert.Equal(("process:anaerobic-digestion", ChainGapKind.MissingProcessor), (gap.Stage, gap.Kind));
        Assert.Equal(["P"], Assert.Single(gap.SuppliesBack, s => s.ReplacesMaterial == "natural-gas").Consumers);
    }
}
