package grep

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// checkPlainSame compares SnippetSpan, and the snippet a worker keeps in
// its arena, with snippetGeneral, the plain path with the one it stands
// in for, and reports whether the plain path made the snippet.
func checkPlainSame(t *testing.T, text string, s, e int, cond *runewidth.Condition, width int) bool {
	t.Helper()
	want, ws, we := snippetGeneral(text, s, e, cond, width)
	got, gs, ge := SnippetSpan(text, s, e, cond, width)
	if got != want || gs != ws || ge != we {
		t.Fatalf("SnippetSpan(%q, %d, %d, wide %v, %d) = %q [%d,%d), snippetGeneral gives %q [%d,%d)",
			text, s, e, cond.EastAsianWidth, width, got, gs, ge, want, ws, we)
	}
	got, gs, ge = checkArena.snippetSpan(text, s, e, cond, width)
	if got != want || gs != ws || ge != we {
		t.Fatalf("snippetArena.snippetSpan(%q, %d, %d, wide %v, %d) = %q [%d,%d), snippetGeneral gives %q [%d,%d)",
			text, s, e, cond.EastAsianWidth, width, got, gs, ge, want, ws, we)
	}
	_, _, _, ok := snippetPlain(text, s, e, cond, width)
	return ok
}

// checkArena is the arena checkPlainSame makes snippets in, as a worker
// does, from one snippet to the next.
var checkArena snippetArena

// plainCase is a snippet to compare the plain path on with the general
// one.
type plainCase struct {
	name  string
	text  string
	match string // the first of it in text; "@s" is the empty match at byte s, "@s-e" bytes s to e
	width int
	plain bool // whether the plain path makes the snippet, with a narrow condition
}

// plainCases returns the snippets TestSnippetPlainSame compares and
// FuzzSnippetPlain starts from.
func plainCases() []plainCase {
	r40a, r40b := strings.Repeat("甲", 40), strings.Repeat("乙", 40)
	long := strings.Repeat("本市今年新建社区图书馆十二座", 30)
	para := "\u3000\u3000截至目前，湿地保护项目已覆盖81个站点，进一步提升服务水平。“排队的时间比以前短了一半。”9月20日上午，长春社区卫生服务中心恢复应急避难场所……成效初步显现。"
	return []plainCase{
		{"cut both sides", r40a + "新闻" + r40b, "新闻", 30, true},
		{"narrow room", r40a + "新闻" + r40b, "新闻", 7, true},
		{"room for one ellipsis", r40a + "新闻" + r40b, "新闻", 5, true},
		{"room for no ellipsis", r40a + "新闻" + r40b, "新闻", 6, true},
		{"match as wide as the snippet", r40a + "新闻" + r40b, "新闻", 4, true},
		{"match wider than the snippet", r40a + "新闻" + r40b, "新闻", 3, false},
		{"zero width", r40a + "新闻" + r40b, "新闻", 0, false},
		{"match at the start", "新闻" + r40b, "新闻", 30, true},
		{"match at the end", r40a + "新闻", "新闻", 30, true},
		{"short line", "\u3000\u3000今日新闻发布。", "新闻", 30, true},
		{"line of the match", "标题\n\u3000\u3000正文里的新闻内容\n\u3000\u3000下一段", "新闻", 30, true},
		{"title line", "社区图书馆开放\n\u3000\u3000正文", "图书馆", 30, true},
		{"paragraph start, cut in 81", para, "截至", 30, true},
		{"paragraph middle", para, "服务", 30, true},
		{"paragraph end", para, "显现", 30, true},
		{"quotes and ellipsis", para, "短了", 30, true},
		{"digits near the match", para, "上午", 30, true},
		{"digits at the cut before", strings.Repeat("12345", 10) + "新闻", "新闻", 10, true},
		{"digits at the cut after", "新闻" + strings.Repeat("12345", 10), "新闻", 10, true},
		{"ideograph beside digits at the cut", para, "长春", 16, true},
		{"trailing white space", "新闻发布会 \u3000\t\u00a0\n下一行", "发布", 30, true},
		{"leading white space", " \t\u00a0\u3000新闻发布会", "发布", 30, true},
		{"white space alone before", "\u3000\u3000\n\u3000\u3000新闻", "新闻", 30, true},
		{"space inside the line", "发布\t\t会  新闻 \u3000 现场", "新闻", 30, false},
		{"space after the match", "新闻 现场", "新闻", 30, false},
		{"space in the match", "甲  \u3000乙", "  \u3000", 30, false},
		{"newline in the match", "甲\n乙", "甲\n乙", 30, false},
		{"controls", "a\x1b[31mb 新闻\x07", "新闻", 30, false},
		{"latin words", "the quick brown fox 新闻 jumps over lazy dogs", "新闻", 20, false},
		{"latin letters joined", strings.Repeat("x", 40) + "新闻", "新闻", 10, true},
		{"latin after a line start", "标题\n" + strings.Repeat("x", 40) + "新闻", "新闻", 10, true},
		{"latin after an indent", "\u3000\u3000" + strings.Repeat("x", 40) + "新闻", "新闻", 10, true},
		{"latin before trailing space", "新闻" + strings.Repeat("x", 40) + " \n", "新闻", 10, true},
		{"latin after a space", "甲 " + strings.Repeat("x", 40) + "新闻", "新闻", 10, false},
		{"latin after a combining mark", "e\u0301" + strings.Repeat("x", 40) + "新闻", "新闻", 10, false},
		{"latin before a combining mark", "新闻" + strings.Repeat("x", 40) + "\u0301", "新闻", 10, false},
		{"latin words with marks", "新闻" + strings.Repeat("ab.cd:ef'g,1.5，2：x；", 4) + "乙", "新闻", 20, true},
		{"latin beside ideographs", strings.Repeat("x甲", 20) + "新闻" + strings.Repeat("乙y", 20), "新闻", 10, true},
		{"full-width colon joins letters", strings.Repeat("a：", 20) + "新闻" + strings.Repeat("：b", 20), "新闻", 9, true},
		{"full-width comma joins digits", strings.Repeat("1，", 20) + "新闻" + strings.Repeat("，2", 20), "新闻", 9, true},
		{"full-width comma between ideographs", strings.Repeat("甲，", 20) + "新闻" + strings.Repeat("，乙", 20), "新闻", 9, true},
		{"ambiguous quotes", strings.Repeat("“甲”", 10) + "新闻" + strings.Repeat("“乙”", 10), "新闻", 12, true},
		{"dashes and ellipses", strings.Repeat("——……", 10) + "新闻" + strings.Repeat("……——", 10), "新闻", 13, true},
		{"combining mark far away", "e\u0301" + r40a + "新闻" + r40b + "e\u0301", "新闻", 30, true},
		{"combining mark at the cut", strings.Repeat("甲\u0301", 20) + "新闻", "新闻", 10, false},
		{"emoji before", "ab👩\u200d💻新闻", "新闻", 7, false},
		{"emoji far away", "👩\u200d💻" + r40a + "新闻" + r40b + "🇦🇧", "新闻", 30, true},
		{"invalid byte near", "\xff甲乙新闻", "新闻", 30, false},
		{"invalid byte far away", "\xff" + r40a + "新闻" + r40b + "\xe4\xb8", "新闻", 30, true},
		{"truncated character before", "\xe4\xb8新闻", "新闻", 30, false},
		{"empty match", "甲乙丙丁", "@6", 30, false},
		{"match starts inside a character", "甲乙丙丁", "@4-9", 30, false},
		{"match ends inside a character", "甲乙丙丁", "@3-7", 30, false},
		{"window ends inside the line before", long + "新闻", "新闻", 400, true},
		{"window ends inside the line after", "新闻" + long, "新闻", 400, true},
		{"window ends inside white space", strings.Repeat(" ", 600) + "新闻", "新闻", 400, true},
		{"wide snippet", long + "新闻" + long, "新闻", 200, true},
	}
}

func TestSnippetPlainSame(t *testing.T) {
	for _, tc := range plainCases() {
		t.Run(tc.name, func(t *testing.T) {
			s, e := matchAt(tc.text, tc.match)
			if ok := checkPlainSame(t, tc.text, s, e, narrow, tc.width); ok != tc.plain {
				t.Errorf("plain path taken: %v, want %v", ok, tc.plain)
			}
			checkPlainSame(t, tc.text, s, e, wide, tc.width)
			for w := range 40 {
				checkPlainSame(t, tc.text, s, e, narrow, w)
				checkPlainSame(t, tc.text, s, e, wide, w)
			}
		})
	}
}

// matchAt is at, or for "@s" and "@s-e" the byte range it names.
func matchAt(text, match string) (int, int) {
	if rest, ok := strings.CutPrefix(match, "@"); ok {
		var s, e int
		if from, to, ok := strings.Cut(rest, "-"); ok {
			s, e = atoi(from), atoi(to)
		} else {
			s = atoi(rest)
			e = s
		}
		return s, e
	}
	return at(text, match)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}

// TestSnippetPlainRandom compares the plain path with the general one on
// lines made of the pieces of Chinese news text and of what stops the
// plain path.
func TestSnippetPlainRandom(t *testing.T) {
	lone := loneSample(false)
	pieces := append(lone[:len(lone):len(lone)], "a", "Z", "5", "0", ",", ".", ":", "'", "_", "%", "[图片]",
		" ", "\u3000", "\u00a0", "\t", "\n", "e\u0301", "５", "ア", "👩\u200d💻", "\x1b", "\xff", "\xe4\xb8",
		"\u0301", "\ufe0f", "\u200d", "\U0001F1E6", "·", "‘", "’", "％")
	rng := rand.New(rand.NewPCG(3, 4))
	plain := 0
	const n = 20000
	for range n {
		var b strings.Builder
		parts := rng.IntN(80)
		common := rng.IntN(3) > 0 // mostly ideographs, like a news article
		for range parts {
			p := pieces[rng.IntN(len(pieces))]
			if common && rng.IntN(8) > 0 {
				p = lone[rng.IntN(len(lone))]
			}
			b.WriteString(p)
		}
		text := b.String()
		s, e := rng.IntN(len(text)+1), rng.IntN(len(text)+1)
		if s > e {
			s, e = e, s
		}
		if rng.IntN(4) > 0 { // mostly whole characters, as matches are
			for s > 0 && s < len(text) && !utf8.RuneStart(text[s]) {
				s--
			}
			for e < len(text) && !utf8.RuneStart(text[e]) {
				e++
			}
		}
		cond := narrow
		if rng.IntN(2) == 0 {
			cond = wide
		}
		if checkPlainSame(t, text, s, e, cond, rng.IntN(45)) {
			plain++
		}
	}
	if plain < n/10 {
		t.Errorf("the plain path made only %d of %d snippets", plain, n)
	}
}

func FuzzSnippetPlain(f *testing.F) {
	for _, tc := range plainCases() {
		s, e := matchAt(tc.text, tc.match)
		f.Add(tc.text, s, e, tc.width, false)
		f.Add(tc.text, s, e, tc.width, true)
	}
	f.Fuzz(func(t *testing.T, text string, s, e, width int, eaw bool) {
		if s < 0 || e > len(text) || s > e || width < -2 || width > 1000 {
			return
		}
		cond := narrow
		if eaw {
			cond = wide
		}
		checkPlainSame(t, text, s, e, cond, width)
	})
}

// TestHardLoneBreaks checks what snippetPlain rests on: next to a
// character that hardLone accepts, plain text is cut between two words
// whatever comes before and after.
func TestHardLoneBreaks(t *testing.T) {
	var hard, plain []string
	for i, s := range loneSample(false) {
		if i%10 > 0 && ideograph(s) {
			continue // one in 970 ideographs is enough: they all break alike
		}
		if hardLone(s) && (i%50 == 0 || !ideograph(s)) {
			hard = append(hard, s)
		}
		plain = append(plain, s)
	}
	for c := byte('!'); c < 0x7f; c++ {
		plain = append(plain, string(c))
	}
	around := []string{"", "a", "1", ".", ":", ",", "'", "_", "，", "：", "；", "甲"}
	for _, h := range hard {
		for _, p := range plain {
			for _, before := range around {
				for _, after := range around {
					for _, pair := range [][2]string{{h, p}, {p, h}} {
						text := before + pair[0] + pair[1] + after
						if !wordBreakAt(text, len(before)+len(pair[0])) {
							t.Fatalf("%q: no word boundary between %q and %q", text, pair[0], pair[1])
						}
					}
				}
			}
		}
	}
	for _, s := range []string{"，", "：", "；"} {
		if hardLone(s) {
			t.Errorf("hardLone(%q)", s)
		}
	}
}

// wordBreakAt reports whether UAX #29 puts a word boundary at byte i of s.
func wordBreakAt(s string, i int) bool {
	pos, state := 0, -1
	for rest := s; rest != "" && pos < i; {
		var w string
		w, rest, state = uniseg.FirstWordInString(rest, state)
		pos += len(w)
	}
	return pos == i
}

// TestIdeographWidth checks that every ideograph is accepted by ideograph
// and by loneRuneLen and is 2 columns wide for any condition, and that
// nothing else is taken for one.
func TestIdeographWidth(t *testing.T) {
	var conds []*runewidth.Condition
	for _, eaw := range []bool{false, true} {
		for _, strict := range []bool{false, true} {
			conds = append(conds, &runewidth.Condition{EastAsianWidth: eaw, StrictEmojiNeutral: strict})
		}
	}
	for r := rune(0x4e00); r <= 0x9fff; r++ {
		s := string(r)
		if !ideograph(s) || loneRuneLen(s) != 3 {
			t.Fatalf("%q not taken for an ideograph", s)
		}
		for _, c := range conds {
			if c.RuneWidth(r) != 2 {
				t.Fatalf("%q is %d columns wide (%+v)", s, c.RuneWidth(r), *c)
			}
		}
	}
	for _, s := range []string{"", "a", "\u4dff", "\ua000", "\u3002", "\xe4\xb8", "\xe4\xb8a", "\xe4\xb7\x80", "\xe9\xc0\x80", "\xe5\x80\xc0"} {
		if ideograph(s) {
			t.Errorf("ideograph(%q)", s)
		}
	}
}

// TestSoftRunAlone checks the other claim of snippetPlain: a run of plain
// characters that hardLone does not accept, between two it accepts or
// the ends of the text, is broken into words alone as in the whole text.
func TestSoftRunAlone(t *testing.T) {
	soft := []string{"a", "Z", "0", "7", ".", ",", ":", ";", "'", "\"", "_", "-", "/", "%", "，", "：", "；"}
	hard := []string{"甲", "。", "“", "…", "、", "！"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			if rng.IntN(6) == 0 {
				b.WriteString(hard[rng.IntN(len(hard))])
			} else {
				b.WriteString(soft[rng.IntN(len(soft))])
			}
		}
		text := b.String()
		for h1 := 0; h1 < len(text); {
			h2 := h1
			for h2 < len(text) && (text[h2] < utf8.RuneSelf || !hardLone(text[h2:])) {
				_, n := utf8.DecodeRuneInString(text[h2:])
				h2 += n
			}
			for i := h1; i <= h2; i++ {
				if wordBreakAt(text[h1:h2], i-h1) != wordBreakAt(text, i) {
					t.Fatalf("%q: the run %q alone breaks at %d: %v", text, text[h1:h2], i, !wordBreakAt(text, i))
				}
			}
			h1 = h2 + 1
			for h1 < len(text) && !utf8.RuneStart(text[h1]) {
				h1++
			}
		}
	}
}
