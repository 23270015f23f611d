package grep

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

var (
	narrow = &runewidth.Condition{StrictEmojiNeutral: true}
	wide   = &runewidth.Condition{EastAsianWidth: true, StrictEmojiNeutral: true}
)

// at returns the byte range of the first sub in text.
func at(text, sub string) (int, int) {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("test text lacks " + sub)
	}
	return i, i + len(sub)
}

func TestSnippet(t *testing.T) {
	r40a, r40b := strings.Repeat("甲", 40), strings.Repeat("乙", 40)
	tests := []struct {
		name  string
		text  string
		match string
		cond  *runewidth.Condition
		width int
		want  string
	}{
		{"short line, indent dropped", "\u3000\u3000今日新闻发布。", "新闻", narrow, 30, "今日新闻发布。"},
		{"third of the room before",
			r40a + "新闻" + r40b, "新闻", narrow, 30,
			"…" + strings.Repeat("甲", 3) + "新闻" + strings.Repeat("乙", 8) + "…"},
		{"match at the start", "新闻" + r40b, "新闻", narrow, 30, "新闻" + strings.Repeat("乙", 12) + "…"},
		{"match at the end", r40a + "新闻", "新闻", narrow, 30, "…" + strings.Repeat("甲", 12) + "新闻"},
		{"short after gives room before", r40a + "新闻乙", "新闻", narrow, 30, "…" + strings.Repeat("甲", 11) + "新闻乙"},
		{"odd room leaves a column free", r40a + "新闻x" + r40b, "新闻", narrow, 30,
			"…" + strings.Repeat("甲", 3) + "新闻x" + strings.Repeat("乙", 8) + "…"},
		{"only the line of the match", "标题\n\u3000\u3000正文里的新闻内容\n\u3000\u3000下一段", "新闻", narrow, 30, "正文里的新闻内容"},
		{"title line", "社区图书馆开放\n\u3000\u3000正文", "图书馆", narrow, 30, "社区图书馆开放"},
		{"whitespace collapsed", "发布\t\t会  新闻 \u3000 现场", "新闻", narrow, 30, "发布 会 新闻 现场"},
		{"space match keeps one space", "甲  \u3000乙", "  \u3000", narrow, 30, "甲 乙"},
		{"controls removed", "a\x1b[31mb 新闻\x07", "新闻", narrow, 30, "a[31mb 新闻"},
		{"ambiguous quotes narrow", strings.Repeat("“甲”", 10) + "新闻", "新闻", narrow, 12, "…甲”“甲”新闻"},
		{"ambiguous quotes wide", strings.Repeat("“甲”", 10) + "新闻", "新闻", wide, 12, "…“甲”新闻"},
		{"match wider than width", strings.Repeat("新闻", 20), strings.Repeat("新闻", 20), narrow, 9, "新闻新闻…"},
		{"combining marks stay with their letter", strings.Repeat("e\u0301", 40) + "X", "X", narrow, 5, "…e\u0301e\u0301e\u0301X"},
		{"emoji sequence kept whole", "ab👩\u200d💻新闻", "新闻", narrow, 7, "…👩\u200d💻新闻"},
		{"latin words kept whole", "the quick brown fox 新闻 jumps over lazy dogs", "新闻", narrow, 20, "…fox 新闻 jumps…"},
		{"a word wider than the room is cut", strings.Repeat("x", 40) + "新闻", "新闻", narrow, 10, "…xxxxx新闻"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e := at(tc.text, tc.match)
			got := Snippet(tc.text, s, e, tc.cond, tc.width)
			if got != tc.want {
				t.Errorf("Snippet = %q (width %d), want %q", got, tc.cond.StringWidth(got), tc.want)
			}
			if w := tc.cond.StringWidth(got); w > tc.width {
				t.Errorf("width %d > %d", w, tc.width)
			}
			snip, ms, me := SnippetSpan(tc.text, s, e, tc.cond, tc.width)
			if snip != got || ms < 0 || me > len(snip) || ms > me {
				t.Fatalf("SnippetSpan = %q [%d,%d)", snip, ms, me)
			}
			if mid := collapse(tc.match); me-ms < len(mid) && !strings.HasSuffix(snip[ms:me], "…") || me-ms >= len(mid) && snip[ms:me] != mid {
				t.Errorf("match span %q, want %q", snip[ms:me], mid)
			}
		})
	}
}

func TestCollapse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"a \t\n b", "a b"},
		{"\u3000\u3000段落", " 段落"},
		{"a\u00a0\u00a0b", "a b"},
		{"x\x1by\u202ez", "xyz"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
	}
	for _, tc := range tests {
		if got := collapse(tc.in); got != tc.want {
			t.Errorf("collapse(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("\u3000\u3000今日新闻发布。", 9, 15, 30, false)
	f.Add("标题\n\u3000\u3000正文里的新闻内容\n下一段", 27, 33, 10, true)
	f.Add("ab👩\u200d💻新闻", 2, 13, 4, false)
	f.Add("0  0", 2, 2, 17, false)
	f.Fuzz(func(t *testing.T, text string, s, e, width int, eaw bool) {
		if s < 0 || e > len(text) || s > e || width < 0 || width > 200 {
			return
		}
		onRune := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
		if !onRune(s) || !onRune(e) {
			return // matches always cover whole runes
		}
		cond := narrow
		if eaw {
			cond = wide
		}
		got := Snippet(text, s, e, cond, width)
		if w := cond.StringWidth(got); w > width {
			t.Fatalf("Snippet(%q, %d, %d) = %q, width %d > %d", text, s, e, got, w, width)
		}
		if !utf8.ValidString(got) || strings.Contains(got, "  ") {
			t.Fatalf("Snippet = %q: invalid UTF-8 or a space run", got)
		}
		for _, r := range got {
			if r != ' ' && (unicode.IsSpace(r) || unicode.IsControl(r)) {
				t.Fatalf("Snippet = %q holds %U", got, r)
			}
		}
	})
}

// FuzzSnippetQuick checks that the quick window gives the snippet the
// full reach gives whenever it says so.
func FuzzSnippetQuick(f *testing.F) {
	long := strings.Repeat("本市今年新建社区图书馆十二座，全年接待读者约三十五万人次。", 8)
	f.Add(long+"新闻"+long, len(long), len(long)+6, 30, false)
	f.Add(strings.Repeat("ab cd ", 60)+"新闻"+strings.Repeat("x ", 90), 360, 366, 30, true)
	f.Add(strings.Repeat("e\u0301", 80)+"新闻"+strings.Repeat("🇦🇧", 40), 240, 246, 30, false)
	f.Add(strings.Repeat("a", 100)+"   "+strings.Repeat("a", 100)+"新闻", 203, 209, 12, false)
	f.Fuzz(func(t *testing.T, text string, s, e, width int, eaw bool) {
		if s < 0 || e > len(text) || s > e || width < 0 || width > 200 {
			return
		}
		onRune := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
		if !onRune(s) || !onRune(e) {
			return
		}
		cond := narrow
		if eaw {
			cond = wide
		}
		full, fs, fe, _ := snippetIn(text, s, e, cond, width, snippetReach)
		if got, ms, me := SnippetSpan(text, s, e, cond, width); got != full || ms != fs || me != fe {
			t.Fatalf("SnippetSpan(%q, %d, %d, %d) = %q [%d,%d), want %q [%d,%d)", text, s, e, width, got, ms, me, full, fs, fe)
		}
	})
}
