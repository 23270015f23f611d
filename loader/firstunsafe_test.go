package loader

import (
	"strings"
	"testing"
)

// firstUnsafeCases are texts where the rune sanitize changes first stands
// after runes skipPlain passes over eight bytes at a time (markup, two
// ideographs, two punctuation marks) and after those it stops at although
// sanitize keeps them ("\n", "\t", U+FFFD, a rune of four bytes).
var firstUnsafeCases = []struct {
	in         string
	text, line int // firstUnsafe(in, false) and (in, true)
}{
	{"", 0, 0},
	{"西郊：5G智慧课堂服务时长翻番", 41, 41},
	{"西郊：5G智慧\n课堂", 24, 17},
	{"西郊：5G智慧\n课堂\x1b", 24, 17},
	{"<div style='x'>\t甲乙</div>", 28, 15},
	{"甲乙丙丁\ufffd戊\u200b", 18, 18},
	{"甲乙丙丁😀戊\r", 19, 19},
	{"，。，。\u00ad", 12, 12},
	{"abcdefgh\x7f", 8, 8},
	{"甲乙\xff", 6, 6},
	{"\u2028", 0, 0},
}

func TestFirstUnsafeSameAsByRune(t *testing.T) {
	for _, tc := range firstUnsafeCases {
		if got := firstUnsafe(tc.in, false); got != tc.text {
			t.Errorf("firstUnsafe(%q, false) = %d, want %d", tc.in, got, tc.text)
		}
		if got := firstUnsafe(tc.in, true); got != tc.line {
			t.Errorf("firstUnsafe(%q, true) = %d, want %d", tc.in, got, tc.line)
		}
	}
	var inputs []string
	for _, tc := range firstUnsafeCases {
		inputs = append(inputs, tc.in)
	}
	for _, tc := range sanitizeCases {
		inputs = append(inputs, tc.in)
	}
	for _, tc := range skipPlainCases {
		inputs = append(inputs, tc.in)
	}
	inputs = append(inputs, factSeeds...)
	for _, in := range inputs {
		for pad := range 9 {
			p := strings.Repeat("甲", pad) + strings.Repeat("x", pad) + in + "尾"
			for cut := 0; cut <= len(p); cut++ {
				checkFirstUnsafe(t, p[:cut])
				checkFirstUnsafe(t, p[cut:])
			}
		}
	}
}

func checkFirstUnsafe(t *testing.T, s string) {
	t.Helper()
	for _, line := range []bool{false, true} {
		if got, want := firstUnsafe(s, line), firstUnsafeRunes(s, line); got != want {
			t.Fatalf("firstUnsafe(%q, %v) = %d, rune by rune %d", s, line, got, want)
		}
	}
}

func FuzzFirstUnsafe(f *testing.F) {
	for _, tc := range firstUnsafeCases {
		f.Add(tc.in)
	}
	for _, s := range factSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFirstUnsafe(t, s)
	})
}
