package loader

import (
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gb returns s encoded as GB18030.
func gb(t testing.TB, s string) string {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("encoding %q as GB18030: %v", s, err)
	}
	return out
}

var parseNameCases = []struct {
	base, prefix, title string
}{
	{"306县农业局开展冬季果树修剪培训.txt", "306", "县农业局开展冬季果树修剪培训"},
	{"000306县农业局开展培训.txt", "000306", "县农业局开展培训"},
	{"306_县农业局开展培训.txt", "306", "县农业局开展培训"},
	{"306-县农业局开展培训.txt", "306", "县农业局开展培训"},
	{"306 县农业局开展培训.txt", "306", "县农业局开展培训"},
	{"306__双下划线.txt", "306", "_双下划线"},
	{"县农业局开展培训.txt", "", "县农业局开展培训"},
	{"_县农业局.txt", "", "_县农业局"},
	{"123.txt", "123", ""},
	{"306_.txt", "306", ""},
	{".txt", "", ""},
	{"", "", ""},
	{"306县农业局.TXT", "306", "县农业局"},
	{"306县农业局.Txt", "306", "县农业局"},
	{"306县农业局.txt.txt", "306", "县农业局.txt"},
	{"306县农业局", "306", "县农业局"},
	{"2024年工作报告.txt", "2024", "年工作报告"},
	{"12345678901234567890123长编号.txt", "12345678901234567890123", "长编号"},
	{"88“引号”与 空格 ABC.txt", "88", "“引号”与 空格 ABC"},
	{"７全角数字.txt", "", "７全角数字"},
	{"9带\x1b[31m转义.txt", "9", "带[31m转义"},
	{"9带\t制表\n换行.txt", "9", "带 制表 换行"},
	{"9带\u202e反向.txt", "9", "带反向"},
}

func TestParseName(t *testing.T) {
	for _, tc := range parseNameCases {
		prefix, title := ParseName(tc.base)
		if prefix != tc.prefix || title != tc.title {
			t.Errorf("ParseName(%q) = %q, %q; want %q, %q", tc.base, prefix, title, tc.prefix, tc.title)
		}
	}
}

func TestDecodeName(t *testing.T) {
	cases := []struct {
		name, raw, want string
	}{
		{"utf-8 unchanged", "306县农业局开展培训.txt", "306县农业局开展培训.txt"},
		{"ascii", "notes.txt", "notes.txt"},
		{"gb18030", gb(t, "306县农业局开展培训.txt"), "306县农业局开展培训.txt"},
		{"gb18030 quotes", gb(t, "12“冰雪季”开幕.txt"), "12“冰雪季”开幕.txt"},
		{"invalid byte", "7\xff.txt", "7\ufffd.txt"},
		{"lead byte without trail", "7\x81.txt", "7\ufffd.txt"},
		{"empty", "", ""},
	}
	for _, tc := range cases {
		if got := DecodeName(tc.raw); got != tc.want {
			t.Errorf("%s: DecodeName(%q) = %q, want %q", tc.name, tc.raw, got, tc.want)
		}
	}
}

func TestParseDecodedGB18030Name(t *testing.T) {
	prefix, title := ParseName(DecodeName(gb(t, "0042_县农业局开展培训.TXT")))
	if prefix != "0042" || title != "县农业局开展培训" {
		t.Errorf("got %q, %q", prefix, title)
	}
}

func TestDisplayPath(t *testing.T) {
	cases := []struct {
		raw, want string
	}{
		{"新闻/306甲.txt", "新闻/306甲.txt"},
		{"新闻/" + gb(t, "306甲.txt"), "新闻/306甲.txt"},
		{gb(t, "旧稿") + "/" + gb(t, "7乙.txt"), "旧稿/7乙.txt"},
		{"a\x1b[2Jb/c\td.txt", "a[2Jb/c d.txt"},
	}
	for _, tc := range cases {
		if got := DisplayPath(tc.raw); got != tc.want {
			t.Errorf("DisplayPath(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}

func TestLess(t *testing.T) {
	e := func(prefix, title, rel string) Entry { return Entry{Prefix: prefix, Title: title, RelPath: rel} }
	cases := []struct {
		name string
		a, b Entry
		want bool
	}{
		{"numeric not lexical", e("9", "", "9.txt"), e("10", "", "10.txt"), true},
		{"numeric reversed", e("10", "", "10.txt"), e("9", "", "9.txt"), false},
		{"leading zeros ignored", e("0009", "", "a"), e("10", "", "b"), true},
		{"leading zeros equal value, by title", e("007", "B", "a"), e("7", "A", "b"), false},
		{"huge prefixes", e("99999999999999999999", "", "a"), e("100000000000000000000", "", "b"), true},
		{"huge equal length", e("123456789012345678902", "", "a"), e("123456789012345678901", "", "b"), false},
		{"zero first", e("000", "", "a"), e("1", "", "b"), true},
		{"no prefix last", e("", "甲", "a"), e("999", "乙", "b"), false},
		{"prefix before none", e("999", "乙", "b"), e("", "甲", "a"), true},
		// 乙 is U+4E59, 甲 U+7532: titles compare by code point.
		{"both none by title", e("", "甲", "a"), e("", "乙", "z"), false},
		{"ties by title", e("5", "A", "z"), e("5", "B", "a"), true},
		{"ties by relpath", e("5", "A", "a/5A.txt"), e("5", "A", "b/5A.txt"), true},
		{"same number written differently", e("007", "A", "x"), e("7", "A", "x"), true},
		{"equal", e("5", "A", "a"), e("5", "A", "a"), false},
	}
	for _, tc := range cases {
		if got := Less(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: Less(%v, %v) = %v, want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestSortEntries(t *testing.T) {
	in := []Entry{
		{"", "无编号乙", "无编号乙.txt"},
		{"10", "十", "10十.txt"},
		{"", "无编号甲", "无编号甲.txt"},
		{"100000000000000000000", "大", "100000000000000000000大.txt"},
		{"0002", "二", "0002二.txt"},
		{"9", "九", "9九.txt"},
		{"2", "二", "sub/2二.txt"},
	}
	SortEntries(in)
	var got []string
	for _, e := range in {
		got = append(got, e.RelPath)
	}
	want := []string{
		"0002二.txt", "sub/2二.txt", "9九.txt", "10十.txt",
		"100000000000000000000大.txt", "无编号乙.txt", "无编号甲.txt",
	}
	if !slices.Equal(got, want) {
		t.Errorf("SortEntries order\n got %q\nwant %q", got, want)
	}
}

func TestEntryDir(t *testing.T) {
	cases := []struct{ rel, want string }{
		{"a.txt", ""},
		{"sub/a.txt", "sub"},
		{"sub/deeper/a.txt", "sub/deeper"},
		{"子目录\x1b]52;c;aGk=\x07/a.txt", "子目录]52;c;aGk="},
		{"\u202e夹\u009b31m\t/x/a.txt", "夹31m /x"},
		{"\xc2\xd2\xc2\xeb/a.txt", "乱码"},
	}
	for _, tc := range cases {
		if got := (Entry{RelPath: tc.rel}).Dir(); got != tc.want {
			t.Errorf("Dir(%q) = %q, want %q", tc.rel, got, tc.want)
		}
	}
}
