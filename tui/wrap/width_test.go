package wrap

import (
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

func TestWidth(t *testing.T) {
	for _, c := range []struct {
		in           string
		narrow, wide int
	}{
		{"", 0, 0},
		{"abc", 3, 3},
		{"中文", 4, 4},
		{"　　", 4, 4},
		{"“中”", 4, 6},
		{"…—·‘’", 5, 10},
		{"e\u0301", 1, 1},
		{"中\u0301", 2, 2},
		{family, 2, 2},
		{"👍🏽a", 3, 3},
		{"a\u200bb", 2, 2},
	} {
		if got := Width(c.in, narrow); got != c.narrow {
			t.Errorf("Width(%q) narrow = %d, want %d", c.in, got, c.narrow)
		}
		if got := Width(c.in, wide); got != c.wide {
			t.Errorf("Width(%q) wide = %d, want %d", c.in, got, c.wide)
		}
	}
}

type cutCase struct {
	in           string
	width        int
	narrow, wide string
}

var truncateCases = []cutCase{
	{"abc", 3, "abc", "abc"},
	{"abc", 2, "a…", "…"},
	{"abc", 1, "…", "a"}, // a two-column "…" does not fit: cut without it
	{"abc", 0, "", ""},
	{"abc", -2, "", ""},
	{"中文字", 6, "中文字", "中文字"},
	{"中文字", 5, "中文…", "中…"},
	{"中文字", 4, "中…", "中…"},
	{"中文字", 3, "中…", "…"},
	{"中文字", 2, "…", "…"},
	{"中文字", 1, "…", ""},
	{"“引文”很长", 6, "“引文…", "“引…"},
	{"e\u0301e\u0301e\u0301", 2, "e\u0301…", "…"},
	{family + "abc", 4, family + "a…", family + "…"},
	{family + "abc", 2, "…", "…"},
}

func TestTruncate(t *testing.T) {
	checkCuts(t, "Truncate", Truncate, truncateCases)
}

// checkCuts runs cut over cases under both width settings: each result is
// the one expected and never wider than the width asked for.
func checkCuts(t *testing.T, name string, cut func(string, int, *runewidth.Condition) string, cases []cutCase) {
	t.Helper()
	for _, c := range cases {
		for _, m := range []struct {
			cond *runewidth.Condition
			want string
		}{{narrow, c.narrow}, {wide, c.wide}} {
			got := cut(c.in, c.width, m.cond)
			if got != m.want {
				t.Errorf("%s(%q, %d) ea=%v = %q, want %q", name, c.in, c.width, m.cond.EastAsianWidth, got, m.want)
			}
			if w := Width(got, m.cond); w > max(c.width, 0) {
				t.Errorf("%s(%q, %d) ea=%v is %d columns wide", name, c.in, c.width, m.cond.EastAsianWidth, w)
			}
		}
	}
}

func TestFit(t *testing.T) {
	for _, c := range []cutCase{
		{"ab", 5, "ab   ", "ab   "},
		{"abc", 3, "abc", "abc"},
		{"abc", 0, "", ""},
		{"中文字", 5, "中文…", "中… "},
		{"中文字", 4, "中… ", "中…"}, // the wide 文 does not fit before "…": a space pads
		{"中文字", 3, "中…", "… "},
		{"中文", 3, "中…", "… "},
		{"中文", 1, "…", " "},
		{"“引文”", 7, "“引文” ", "“引… "},
		{family + "abc", 4, family + "a…", family + "…"},
		{family + "abc", 3, family + "…", "… "}, // a two-column "…" leaves no room for the emoji
	} {
		for _, m := range []struct {
			cond *runewidth.Condition
			want string
		}{{narrow, c.narrow}, {wide, c.wide}} {
			if got := Fit(c.in, c.width, m.cond); got != m.want {
				t.Errorf("Fit(%q, %d) ea=%v = %q, want %q", c.in, c.width, m.cond.EastAsianWidth, got, m.want)
			}
		}
	}
}

// TestFitWidth checks that Fit always fills exactly width columns.
func TestFitWidth(t *testing.T) {
	for _, c := range truncateCases {
		for _, cond := range []*runewidth.Condition{narrow, wide} {
			for width := 0; width <= 12; width++ {
				if got := Width(Fit(c.in, width, cond), cond); got != width {
					t.Errorf("Fit(%q, %d) ea=%v is %d columns wide", c.in, width, cond.EastAsianWidth, got)
				}
			}
		}
	}
}

func TestTruncateLeft(t *testing.T) {
	checkCuts(t, "TruncateLeft", TruncateLeft, []cutCase{
		{"/srv/news/collection", 30, "/srv/news/collection", "/srv/news/collection"},
		{"/srv/news/collection", 12, "…/collection", "…collection"},
		{"/srv/news/collection", 1, "…", "n"}, // a two-column "…" does not fit: cut without it
		{"/srv/news/collection", 0, "", ""},
		{"/srv/新闻/采集", 7, "…/采集", "…/采集"},
		{"/srv/新闻/采集", 6, "…/采集", "…采集"},
		{"/srv/新闻/采集", 5, "…采集", "…集"},
		{"ae\u0301e\u0301", 3, "ae\u0301e\u0301", "ae\u0301e\u0301"},
		{"aae\u0301e\u0301", 3, "…e\u0301e\u0301", "…e\u0301"},
		{"abc" + family, 3, "…" + family, "…"},
	})
}

// Each simple rune is a grapheme cluster of its own, whatever simple rune
// stands before or after it, so Width and Truncate may measure a text of
// them rune by rune: checked against uniseg for every one of them.
func TestSimpleRunesStandAlone(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0xffff; r++ {
		if !simple(r) {
			continue
		}
		n++
		c := string(r)
		for _, s := range []string{c + c, "a" + c + "a", "中" + c + "中", "“" + c + "…"} {
			for state, rest := -1, s; rest != ""; {
				var cl string
				cl, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
				if utf8.RuneCountInString(cl) != 1 {
					t.Fatalf("%U: %q is one cluster in %q", r, cl, s)
				}
			}
		}
		for _, cond := range []*runewidth.Condition{narrow, wide} {
			if got, want := RuneWidth(r, cond), width1(c, cond); got != want {
				t.Fatalf("%U: width %d, a cluster of it %d", r, got, want)
			}
		}
	}
	if n < 20000 {
		t.Fatalf("only %d simple runes", n)
	}
}

// The fast measure of a text of simple runes is the one of clusters.
func TestSimpleWidthIsClusterWidth(t *testing.T) {
	for _, s := range []string{"中文", "“引文”很长……——", "　　第1段：老街改造坚持“修旧如旧”的原则。", "ＡＢＣ（全角）", "a·b", ""} {
		for _, cond := range []*runewidth.Condition{narrow, wide} {
			w, ok := simpleWidth(s, cond)
			if !ok {
				t.Fatalf("%q is not simple", s)
			}
			want := 0
			for state, rest := -1, s; rest != ""; {
				var cl string
				cl, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
				want += width1(cl, cond)
			}
			if w != want {
				t.Errorf("simpleWidth(%q) = %d, clusters %d", s, w, want)
			}
		}
	}
	for _, s := range []string{"e\u0301", family, "中\u0301", "a\u200bb", "\U0001F1E8\U0001F1F3"} {
		if _, ok := simpleWidth(s, narrow); ok {
			t.Errorf("%q is taken as simple", s)
		}
	}
}
