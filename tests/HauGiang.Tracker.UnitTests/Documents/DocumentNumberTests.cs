using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Documents;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("16/KH-UBND", "16", null, "KH", "UBND")]
    [InlineData("42/2014/QĐ-TTg", "42", 2014, "QĐ", "TTg")]
    [InlineData("15/2022/NQ-HĐND", "15", 2022, "NQ", "HĐND")]
    [InlineData("30/2020/NĐ-CP", "30", 2020, "NĐ", "CP")]
    [InlineData("123/QĐ-UBND", "123", null, "QĐ", "UBND")]
    public void A_state_body_writes_number_slash_type_dash_body(string text, string n, int? year, string type, string body)
    {
        Assert.True(DocumentNumber.TryParse(text, out var number, out var error), error);

        Assert.Equal(new DocumentNumber(IssuerForm.State, n, year, type, body), number);
        Assert.Equal(text, number.ToString());
    }

    [Theory]
    [InlineData("05-CT/TU", "05", "CT", "TU")]
    [InlineData("50-CTr/TU", "50", "CTr", "TU")]
    [InlineData("159-KL/TU", "159", "KL", "TU")]
    [InlineData("36-HD/VPTW", "36", "HD", "VPTW")]
    [InlineData("12-NQ/TW", "12", "NQ", "TW")]
    [InlineData("01-QĐi/TƯ", "01", "QĐi", "TƯ")]
    [InlineData("07-CT/HU", "07", "CT", "HU")]
    [InlineData("08-NQ/ThU", "08", "NQ", "ThU")]
    [InlineData("03-KH/ĐU", "03", "KH", "ĐU")]
    [InlineData("04-ĐA/ĐUK", "04", "ĐA", "ĐUK")]
    [InlineData("09-HD/BTCTW", "09", "HD", "BTCTW")]
    public void A_party_body_writes_number_dash_type_slash_body(string text, string n, string type, string body)
    {
        Assert.True(DocumentNumber.TryParse(text, out var number, out var error), error);

        Assert.Equal(new DocumentNumber(IssuerForm.Party, n, null, type, body), number);
        Assert.Equal(text, number.ToString());
    }

    [Theory]
    [InlineData("TU", true)]
    [InlineData("VPTW", true)]
    [InlineData("BTGTU", true)]
    [InlineData("ĐU", true)]
    [InlineData("UBND", false)]
    [InlineData("HĐND", false)]
    [InlineData("TTg", false)]
    [InlineData("CP", false)]
    public void The_body_after_the_last_slash_tells_a_party_body_from_a_state_body(string body, bool party) =>
        Assert.Equal(party, DocumentNumber.IsPartyBody(body));

    [Fact]
    public void Surrounding_spaces_are_dropped()
    {
        Assert.True(DocumentNumber.TryParse("  05-CT/TU\t", out var party));
        Assert.True(DocumentNumber.TryParse(" 16/KH-UBND ", out var state));

        Assert.Equal(("05-CT/TU", "16/KH-UBND"), (party.ToString(), state.ToString()));
    }

    [Fact]
    public void Decomposed_vietnamese_letters_read_as_the_composed_ones()
    {
        Assert.True(DocumentNumber.TryParse("01-QĐi/TU\u031B", out var number));

        Assert.Equal("TƯ", number.BodySymbol);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_number_asks_for_one_with_both_forms(string? text)
    {
        Assert.False(DocumentNumber.TryParse(text, out _, out var error));

        Assert.Equal("Nhập số, ký hiệu văn bản (cơ quan nhà nước: 16/KH-UBND hoặc 15/2022/NQ-HĐND; cơ quan Đảng: 05-CT/TU).", error);
    }

    [Theory]
    [InlineData("16-KH-UBND")]
    [InlineData("16 / KH - UBND")]
    [InlineData("16/KH UBND")]
    [InlineData("KH-UBND")]
    [InlineData("số 16/KH-UBND")]
    [InlineData("16/22/NQ-HĐND")]
    public void A_state_number_with_wrong_separators_is_refused_naming_both_forms(string text)
    {
        Assert.False(DocumentNumber.TryParse(text, out _, out var error));

        Assert.Equal($"Số, ký hiệu “{text.Trim()}” không đúng thể thức. Ghi theo cơ quan ban hành: cơ quan nhà nước: 16/KH-UBND hoặc 15/2022/NQ-HĐND; cơ quan Đảng: 05-CT/TU.", error);
    }

    [Theory]
    [InlineData("05/CT/TU")]
    [InlineData("05/CT-TU")]
    [InlineData("05-CT-TU")]
    [InlineData("05-CT//TU")]
    [InlineData("05/2022/CT/TU")]
    public void A_party_number_in_the_state_form_or_with_wrong_separators_is_refused_with_the_party_form(string text)
    {
        Assert.False(DocumentNumber.TryParse(text, out _, out var error));

        Assert.Equal($"Số, ký hiệu “{text}” không đúng thể thức văn bản của Đảng: số-ký hiệu loại văn bản/cơ quan ban hành, ví dụ 05-CT/TU, 50-CTr/TU.", error);
    }

    [Fact]
    public void A_state_body_written_in_the_party_form_is_refused_with_the_state_form()
    {
        Assert.False(DocumentNumber.TryParse("16-KH/UBND", out _, out var error));

        Assert.Equal("Số, ký hiệu “16-KH/UBND” không đúng thể thức: UBND không phải cơ quan Đảng, nên cơ quan nhà nước ghi số/ký hiệu loại văn bản-cơ quan ban hành, ví dụ 16/KH-UBND, 15/2022/NQ-HĐND.", error);
    }
}
