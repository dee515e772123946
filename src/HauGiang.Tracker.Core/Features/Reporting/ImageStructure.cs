using System.Buffers.Binary;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>
/// Walks an image's container before it is decoded: every PNG chunk with its CRC up to IEND, every JPEG
/// segment from SOI through SOS to EOI. A decoder forgives a cut-off file (it fills the missing rows);
/// evidence that was cut off in transfer should be refused instead.
/// </summary>
internal static class ImageStructure
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsWholePng(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith(PngSignature))
        {
            return false;
        }
        var at = PngSignature.Length;
        var first = true;
        while (bytes.Length - at >= 12)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
            if (length > int.MaxValue || bytes.Length - at - 12 < (long)length)
            {
                return false;
            }
            var typeAndData = bytes.Slice(at + 4, 4 + (int)length);
            if (Crc32(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 8 + (int)length)..]))
            {
                return false;
            }
            var type = typeAndData[..4];
            if (first && !type.SequenceEqual("IHDR"u8))
            {
                return false;
            }
            first = false;
            at += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsWholeJpeg(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        {
            return false;
        }
        var at = 2;
        var scanned = false;
        while (at + 1 < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return false;
            }
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            if (marker == 0xD9)
            {
                return scanned;
            }
            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                return false; // restart markers and TEM stand only inside entropy-coded data
            }
            if (at + 4 > bytes.Length)
            {
                return false;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (length < 2 || at + 2 + length > bytes.Length)
            {
                return false;
            }
            at += 2 + length;
            if (marker == 0xDA)
            {
                scanned = true;
                at = SkipScan(bytes, at);
            }
        }
        return false;
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return c;
    })];

    /// <summary>The CRC-32 of PNG (ISO 3309), over a chunk's type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>The position of the first marker after entropy-coded data (stuffed 0xFF00 and restarts belong to the data).</summary>
    private static int SkipScan(ReadOnlySpan<byte> bytes, int at)
    {
        while (at + 1 < bytes.Length)
        {
            if (bytes[at] == 0xFF && bytes[at + 1] != 0x00 && bytes[at + 1] is not (>= 0xD0 and <= 0xD7))
            {
                return at;
            }
            at++;
        }
        return bytes.Length;
    }
}
