package match

import (
	"reflect"
	"testing"
)

type findCase struct {
	name  string
	query string
	smart bool
	text  string
	want  [][2]int
}

var findCases = []findCase{
	{"empty query", "", true, "anything", nil},
	{"empty text", "a", true, "", nil},
	{"ascii insensitive", "sql", true, "SQL and sql, Sql", [][2]int{{0, 3}, {8, 11}, {13, 16}}},
	{"smart case upper is sensitive", "SQL", true, "SQL and sql", [][2]int{{0, 3}}},
	{"no smart case ignores case", "SQL", false, "SQL and sql", [][2]int{{0, 3}, {8, 11}}},
	{"full-width query finds ascii", "ＳＱＬ", true, "sql SQL", [][2]int{{4, 7}}},
	{"full-width query insensitive", "ＳＱＬ", false, "sql SQL", [][2]int{{0, 3}, {4, 7}}},
	{"full-width digits", "１２", true, "第12届", [][2]int{{3, 5}}},
	{"full-width text, ascii query", "abc", true, "xＡＢＣ", [][2]int{{1, 10}}},
	{"full-width punctuation", "！", true, "好!好！", [][2]int{{3, 4}, {7, 10}}},
	{"ascii punctuation finds full-width", "(1)", true, "（1）", [][2]int{{0, 7}}},
	{"chinese", "新闻", true, "今日新闻，新闻联播", [][2]int{{6, 12}, {15, 21}}},
	{"chinese across punctuation", "，新", true, "今日新闻，新闻", [][2]int{{12, 18}}},
	{"ideographic space", " ", true, "\u3000\u3000正文", [][2]int{{0, 3}, {3, 6}}},
	{"ascii text, cjk query", "新", true, "plain ascii", nil},
	{"non-overlapping", "aa", true, "aaaaa", [][2]int{{0, 2}, {2, 4}}},
	{"ligature expands", "fi", true, "ﬁ", [][2]int{{0, 3}}},
	{"part of an expansion is no match", "f", true, "ﬁ", nil},
	{"ligature query", "ﬁ", true, "fi", [][2]int{{0, 2}}},
	{"rejected part then match", "fi", true, "ﬁfi", [][2]int{{0, 3}, {3, 5}}},
	{"expansion tail is no match", "i", true, "ﬁi", [][2]int{{3, 4}}},
	{"square word whole", "株式会社", true, "㍿", [][2]int{{0, 3}}},
	{"square word partial", "株式", true, "㍿株式", [][2]int{{3, 9}}},
	{"kelvin sign", "k", true, "5\u212A", [][2]int{{1, 4}}},
	{"long s", "s", true, "ſ", [][2]int{{0, 2}}},
	{"greek insensitive", "σοφία", true, "ΣΟΦΊΑ", [][2]int{{0, 10}}},
	{"greek final sigma", "σ", true, "ς", [][2]int{{0, 2}}},
	{"greek sensitive", "Σ", true, "σΣ", [][2]int{{2, 4}}},
	{"invalid bytes skipped", "b", true, "a\xffb", [][2]int{{2, 3}}},
	{"invalid bytes in text and query", "\xff", true, "a\xfeb", [][2]int{{1, 2}}},
	{"half-width mark stays apart", "ｶ", true, "ｶﾞ", [][2]int{{0, 3}}},
	{"precomposed stays", "é", true, "café", [][2]int{{3, 5}}},
	{"mixed width in chinese", "ai技术", true, "发展ＡＩ技术", [][2]int{{6, 18}}},
	{"percent", "18.5%", true, "增长18.5％。", [][2]int{{6, 13}}},
	{"chinese, no other form", "一二", true, "一二三一二", [][2]int{{0, 6}, {9, 15}}},
	{"chinese, radical form", "一二", true, "⼀二三一二", [][2]int{{0, 6}, {9, 15}}},
	{"chinese, parenthesized form", "(一)", true, "㈠(一)", [][2]int{{0, 3}, {3, 8}}},
	{"chinese, part of a form", "一", true, "㈠", nil},
	{"quotes and chinese", "“冰灯”", true, "看“冰灯”，“冰灯”", [][2]int{{3, 15}, {18, 30}}},
	{"straight double quote finds curly", `"冰灯"`, true, "看“冰灯”", [][2]int{{3, 15}}},
	{"straight single quote finds curly", "'a'", true, "‘A’ 'a'", [][2]int{{0, 7}, {8, 11}}},
	{"curly query finds straight", "“x”", true, `"x"`, [][2]int{{0, 3}}},
	{"quote alone", `"`, true, "“好”", [][2]int{{0, 3}, {6, 9}}},
	{"low quotes stay apart", "'", true, "‚‛", nil},
	{"half-width full stop", "。", true, "好｡好。", [][2]int{{3, 6}, {9, 12}}},
	{"chinese next to invalid bytes", "新闻", true, "\xe6新闻\xff新闻", [][2]int{{1, 7}, {8, 14}}},
}

func TestFindAll(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			m := Compile(tc.query, tc.smart)
			got := m.FindAll(tc.text)
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("FindAll(%q in %q) = %v, want %v", tc.query, tc.text, got, tc.want)
			}
			if n := m.Count(tc.text); n != len(tc.want) {
				t.Errorf("Count = %d, want %d", n, len(tc.want))
			}
			if ok := m.Match(tc.text); ok != (len(tc.want) > 0) {
				t.Errorf("Match = %v, want %v", ok, len(tc.want) > 0)
			}
		})
	}
}

func TestCompile(t *testing.T) {
	tests := []struct {
		query         string
		smart         bool
		wantEmpty     bool
		wantSensitive bool
	}{
		{"", true, true, false},
		{"abc", true, false, false},
		{"Abc", true, false, true},
		{"Abc", false, false, false},
		{"ＡＢＣ", true, false, true},
		{"新闻", true, false, false},
		{"Σ", true, false, true},
		{"ǅ", true, false, true}, // title case
	}
	for _, tc := range tests {
		m := Compile(tc.query, tc.smart)
		if m.Empty() != tc.wantEmpty {
			t.Errorf("Compile(%q).Empty() = %v, want %v", tc.query, m.Empty(), tc.wantEmpty)
		}
		if m.CaseSensitive() != tc.wantSensitive {
			t.Errorf("Compile(%q, %v).CaseSensitive() = %v, want %v", tc.query, tc.smart, m.CaseSensitive(), tc.wantSensitive)
		}
		if m.Query() != tc.query {
			t.Errorf("Query() = %q, want %q", m.Query(), tc.query)
		}
	}
}

func TestNilMatcher(t *testing.T) {
	var m *Matcher
	if !m.Empty() || m.Match("x") || m.Count("x") != 0 || m.FindAll("x") != nil || m.Query() != "" {
		t.Fatal("a nil matcher must behave as an empty one")
	}
}

func TestAllStopsEarly(t *testing.T) {
	for _, text := range []string{"ab ab ab", "ＡＢ ab ab"} {
		m := Compile("ab", true)
		n := 0
		for range m.All(text) {
			n++
			if n == 2 {
				break
			}
		}
		if n != 2 {
			t.Fatalf("%q: iterated %d times, want 2", text, n)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	m := Compile("新闻", true)
	text := "今日新闻，ＡＢＣ新闻联播"
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for range 200 {
				n += m.Count(text)
			}
			done <- n
		}()
	}
	for range 8 {
		if n := <-done; n != 400 {
			t.Fatalf("count = %d, want 400", n)
		}
	}
}
