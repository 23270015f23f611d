package wrap

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mattn/go-runewidth"
)

// narrow and wide measure the ambiguous characters (“ ” ‘ ’ … — ·) as one
// and as two columns.
var (
	narrow = &runewidth.Condition{StrictEmojiNeutral: true}
	wide   = &runewidth.Condition{EastAsianWidth: true, StrictEmojiNeutral: true}
)

const family = "👨\u200d👩\u200d👧" // one ZWJ cluster, two columns

// breakCase is a paragraph wrapped at one width: want is the expected lines
// with ambiguous characters one column wide, wantEA with them two columns
// wide (nil: the same as want).
type breakCase struct {
	rule  string
	in    string
	width int
	want  []string
	want2 []string
}

func l(s ...string) []string { return s }

var breakCases = []breakCase{
	// Widths are display columns; a wide character never overflows by one.
	{"cjk", "中文排版测试", 1, l("中", "文", "排", "版", "测", "试"), nil},
	{"cjk", "中文排版测试", 2, l("中", "文", "排", "版", "测", "试"), nil},
	{"cjk", "中文排版测试", 3, l("中", "文", "排", "版", "测", "试"), nil},
	{"cjk", "中文排版测试", 4, l("中文", "排版", "测试"), nil},
	{"cjk", "中文排版测试", 5, l("中文", "排版", "测试"), nil},
	{"cjk", "中文排版测试", 10, l("中文排版测", "试"), nil},
	{"cjk", "中文排版测试", 20, l("中文排版测试"), nil},
	{"width<1", "中文", 0, l("中", "文"), nil},
	{"width<1", "ab", -3, l("a", "b"), nil},
	{"ambiguous", "一—二—三", 3, l("一—", "二—", "三"), l("一", "—", "二", "—", "三")},
	{"ambiguous", "一—二—三", 4, l("一—", "二—", "三"), nil},
	{"ambiguous", "一—二—三", 8, l("一—二—三"), l("一—二—", "三")},

	// No line starts with closing punctuation: push-out.
	{"closing", "中文，测试。", 2, l("中", "文", "，", "测", "试", "。"), nil},
	{"closing", "中文，测试。", 3, l("中", "文", "，", "测", "试", "。"), nil},
	{"closing", "中文，测试。", 4, l("中", "文，", "测", "试。"), nil},
	{"closing", "中文，测试。", 6, l("中文，", "测试。"), nil},
	{"closing", "中文，测试。", 10, l("中文，测", "试。"), nil},
	{"closing", "中文，测试。", 20, l("中文，测试。"), nil},
	{"closing-ascii", "abc, def.", 3, l("ab", "c,", "de", "f."), nil},
	{"closing-ascii", "abc, def.", 4, l("abc,", "def."), nil},
	{"closing-ascii", "abc, def.", 10, l("abc, def."), nil},
	// A run of closing marks stays with the character before it; when the
	// run and that character are wider than the line, it is cut anyway.
	{"closing-run", "真好。”）再见", 6, l("真", "好。”", "）再见"), nil},
	{"closing-run", "真好。”）再见", 7, l("真", "好。”）", "再见"), l("真", "好。”", "）再见")},
	{"closing-run", "真好。”）再见", 10, l("真好。”）", "再见"), nil},

	// No line ends with opening punctuation.
	{"opening", "他说（见附件）好", 2, l("他", "说", "（", "见", "附", "件", "）", "好"), nil},
	{"opening", "他说（见附件）好", 4, l("他说", "（见", "附", "件）", "好"), nil},
	{"opening", "他说（见附件）好", 6, l("他说", "（见附", "件）好"), nil},
	{"opening", "他说（见附件）好", 20, l("他说（见附件）好"), nil},
	{"opening-ascii", "see (note) here", 5, l("see", "(not", "e)", "here"), nil},
	{"opening-ascii", "see (note) here", 10, l("see (note)", "here"), nil},

	// Quotation marks: “ ‘ open, ” ’ close, and a break is allowed outside
	// them in Chinese text.
	{"quotes", "他说“你好”然后", 4, l("他说", "“你", "好”", "然后"), l("他说", "“你", "好”", "然后")},
	{"quotes", "他说“你好”然后", 5, l("他说", "“你", "好”然", "后"), l("他说", "“你", "好”", "然后")},
	{"quotes", "他说“你好”然后", 10, l("他说“你好”", "然后"), l("他说“你", "好”然后")},
	{"quotes", "他说“你好”然后", 20, l("他说“你好”然后"), nil},
	{"quotes", "好。“走”", 6, l("好。", "“走”"), nil},
	{"quotes", "“甲”“乙”", 4, l("“甲”", "“乙”"), l("“甲", "”", "“乙", "”")},
	{"quotes", "他说‘好’", 4, l("他说", "‘好’"), l("他说", "‘好", "’")},
	{"quotes-latin", "He said “hi” to me", 10, l("He said", "“hi” to me"), l("He said", "“hi” to", "me")},

	// …… and —— are never split.
	{"ellipsis", "他说……好吧", 3, l("他", "说", "……", "好", "吧"), l("他", "说", "…", "…", "好", "吧")},
	{"ellipsis", "他说……好吧", 5, l("他", "说……", "好吧"), l("他", "说", "……", "好吧")},
	{"ellipsis", "他说……好吧", 10, l("他说……好吧"), l("他说……好", "吧")},
	{"dash", "中国——世界", 3, l("中", "国", "——", "世", "界"), l("中", "国", "—", "—", "世", "界")},
	{"dash", "中国——世界", 5, l("中国", "——世", "界"), l("中国", "——", "世界")},
	{"dash", "中国——世界", 10, l("中国——世界"), l("中国——世", "界")},

	// · never starts a line.
	{"middle-dot", "马丁·路德·金", 4, l("马", "丁·", "路", "德·", "金"), nil},
	{"middle-dot", "马丁·路德·金", 5, l("马丁·", "路德·", "金"), l("马", "丁·", "路", "德·", "金")},
	{"middle-dot", "马丁·路德·金", 40, l("马丁·路德·金"), nil},

	// Small kana and ー never start a line.
	{"small-kana", "ショッピング", 2, l("シ", "ョ", "ッ", "ピ", "ン", "グ"), nil},
	{"small-kana", "ショッピング", 4, l("ショ", "ッピ", "ング"), nil},
	{"small-kana", "ショッピング", 6, l("ショッ", "ピング"), nil},
	{"prolonged", "コーヒー", 2, l("コ", "ー", "ヒ", "ー"), nil},
	{"prolonged", "コーヒー", 4, l("コー", "ヒー"), nil},
	{"prolonged", "コーヒー", 6, l("コー", "ヒー"), nil},
	{"prolonged", "コーヒー", 10, l("コーヒー"), nil},
}

var mixedCases = []breakCase{
	// Latin words, numbers and URLs are not split unless longer than the line.
	{"latin", "我们使用Unicode标准", 4, l("我们", "使用", "Unic", "ode", "标准"), nil},
	{"latin", "我们使用Unicode标准", 10, l("我们使用", "Unicode标", "准"), nil},
	{"latin", "我们使用Unicode标准", 20, l("我们使用Unicode标准"), nil},
	{"number", "增长了12.5%的收入", 4, l("增长", "了", "12.5", "%的", "收入"), nil},
	{"number", "增长了12.5%的收入", 6, l("增长了", "12.5%", "的收入"), nil},
	{"number", "增长了12.5%的收入", 10, l("增长了", "12.5%的收", "入"), nil},
	{"number", "增长了12.5%的收入", 20, l("增长了12.5%的收入"), nil},
	{"url", "访问https://example.org/a/b?c=d了解", 20, l("访问", "https://example.org/", "a/b?c=d了解"), nil},
	{"url", "访问https://example.org/a/b?c=d了解", 30, l("访问", "https://example.org/a/b?c=d了", "解"), nil},
	{"url", "访问https://example.org/a/b?c=d了解", 40, l("访问https://example.org/a/b?c=d了解"), nil},
	{"long-run", "中文abcdefghijkl", 10, l("中文", "abcdefghij", "kl"), nil},
	{"hyphen", "a well-known fact", 6, l("a", "well-k", "nown", "fact"), nil},
	{"hyphen", "a well-known fact", 12, l("a well-known", "fact"), nil},

	// Grapheme clusters are never split.
	{"combining", "e\u0301e\u0301e\u0301e\u0301", 1, l("e\u0301", "e\u0301", "e\u0301", "e\u0301"), nil},
	{"combining", "e\u0301e\u0301e\u0301e\u0301", 3, l("e\u0301e\u0301e\u0301", "e\u0301"), nil},
	{"combining", "中\u0301文\u0301", 2, l("中\u0301", "文\u0301"), nil},
	{"zwj", family + family + "👍🏽", 1, l(family, family, "👍🏽"), nil},
	{"zwj", family + family + "👍🏽", 3, l(family, family, "👍🏽"), nil},
	{"zwj", family + family + "👍🏽", 4, l(family+family, "👍🏽"), nil},

	// ASCII space, tab and U+200B are dropped at a break; U+3000 is kept.
	{"spaces", "hello world foo", 3, l("hel", "lo", "wor", "ld", "foo"), nil},
	{"spaces", "hello world foo", 5, l("hello", "world", "foo"), nil},
	{"spaces", "hello world foo", 11, l("hello world", "foo"), nil},
	{"spaces", "  ab  ", 10, l("ab"), nil},
	{"zwsp", "中文\u200b测试", 4, l("中文", "测试"), nil},
	{"zwsp", "中文\u200b测试", 10, l("中文\u200b测试"), nil},
	{"tab", "a\tb", 1, l("a", "b"), nil},
	{"indent", "　　中文段落", 2, l("　", "　", "中", "文", "段", "落"), nil},
	{"indent", "　　中文段落", 4, l("　　", "中文", "段落"), nil},
	{"indent", "　　中文段落", 8, l("　　中文", "段落"), nil},
	{"indent", "　　中文段落", 12, l("　　中文段落"), nil},

	{"empty", "", 5, l(""), nil},
	{"blank", " \t ", 5, l(""), nil},
}

func allBreakCases() []breakCase { return slices.Concat(breakCases, mixedCases) }

func lineTexts(s string, ranges [][2]int) []string {
	out := make([]string, len(ranges))
	for i, r := range ranges {
		out[i] = s[r[0]:r[1]]
	}
	return out
}

func TestBreaks(t *testing.T) {
	for _, c := range allBreakCases() {
		for _, m := range []struct {
			name string
			cond *runewidth.Condition
			want []string
		}{{"narrow", narrow, c.want}, {"wide", wide, c.want2}} {
			want := m.want
			if want == nil {
				want = c.want
			}
			t.Run(fmt.Sprintf("%s/%s/w%d", c.rule, m.name, c.width), func(t *testing.T) {
				got := lineTexts(c.in, Breaks(c.in, c.width, m.cond))
				if !slices.Equal(got, want) {
					t.Errorf("Breaks(%q, %d) = %q, want %q", c.in, c.width, got, want)
				}
				checkParagraph(t, c.in, c.width, m.cond, Breaks(c.in, c.width, m.cond))
			})
		}
	}
}

// Hard line breaks (which cleaned blocks never hold) end a line and are
// dropped with the spaces around them.
func TestBreaksHardBreak(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"ab\ncd", l("ab", "cd")},
		{"中文\r\n测试", l("中文", "测试")},
		{"a \u2028 b", l("a", "b")},
	} {
		if got := lineTexts(c.in, Breaks(c.in, 10, narrow)); !slices.Equal(got, c.want) {
			t.Errorf("Breaks(%q, 10) = %q, want %q", c.in, got, c.want)
		}
	}
}
