package wrap

import (
	"testing"

	"github.com/mattn/go-runewidth"
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
