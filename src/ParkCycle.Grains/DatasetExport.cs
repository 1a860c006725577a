using ParkCycle.Domain.Datasets;
using ParkCycle.Domain.Model;

namespace ParkCycle.Grains;

/// <summary>A dataset as a download: one JSON document, the CSV folder zipped, or an Excel workbook.</summary>
public static class DatasetExport
{
    /// <summary>The dataset in <paramref name="format"/>: <c>json</c>, <c>xlsx</c>, or anything else as <c>zip</c>.</summary>
    public static byte[] Encode(ParkDataset dataset, string format)
    {
        if (format == "json")
        {
            return DatasetWriter.ToJson(dataset);
        }

        if (format == "xlsx")
        {
            return Domain.Excel.ExcelDataset.Write(dataset);
        }

        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in DatasetWriter.ToFiles(dataset))
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a dataset JSON document this library stored (it was valid when stored); null if it no longer reads.</summary>
    public static ParkDataset? FromJson(byte[] json, string label) => DatasetReader.ReadJsonDocument(json, label, CatalogReader.Default).Dataset;
}
