package match

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestAppendFold(t *testing.T) {
	tests := []struct {
		in          string
		insensitive bool
		want        string
	}{
		{"ABC", false, "ABC"},
		{"ABC", true, "abc"},
		{"ＡＢＣ１２３", false, "ABC123"},
		{"ＡＢＣ", true, "abc"},
		{"！，。", false, "!,。"},
		{"\u3000正文", false, " 正文"},
		{"ﬁ", false, "fi"},
		{"㍿", false, "株式会社"},
		{"①", false, "1"},
		{"ｶﾞ", false, "ガ"}, // half-width katakana composes per rune: two runes fold separately
		{"K", true, "k"},
		{"ſ", true, "s"},
		{"ΣΟΦΊΑ", true, "σοφία"},
		{"a\xffb", false, "a\uFFFDb"},
		{"", true, ""},
	}
	for _, tc := range tests {
		got := string(appendFold(nil, tc.in, tc.insensitive))
		want := tc.want
		if tc.in == "ｶﾞ" {
			want = norm.NFKC.String("ｶ") + norm.NFKC.String("ﾞ")
		}
		if tc.in == "ΣΟΦΊΑ" {
			want = string([]rune{caseRep('σ'), 'ο', 'φ', 'ί', 'α'})
		}
		if got != want {
			t.Errorf("appendFold(%q, %v) = %q, want %q", tc.in, tc.insensitive, got, want)
		}
	}
}

// referenceFold is appendRuneFold without its shortcuts.
func referenceFold(r rune, insensitive bool) string {
	s := strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(norm.NFKC.String(string(r)))
	var out []rune
	for _, x := range s {
		if insensitive {
			x = caseRep(x)
		}
		if VariantFolding() {
			x = variantOf(x)
		}
		out = append(out, x)
	}
	return string(out)
}

// TestShortcutsExhaustive checks every rune's fold against plain NFKC plus
// case folding, so the fast paths cannot drift from the definition.
func TestShortcutsExhaustive(t *testing.T) {
	if testing.Short() {
		t.Skip("exhaustive")
	}
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, ins := range []bool{false, true} {
			got, n := appendRuneFold(nil, string(r), ins)
			if want := referenceFold(r, ins); string(got) != want || n != utf8.RuneLen(r) {
				if bad++; bad < 10 {
					t.Errorf("%U insensitive=%v: fold %q (size %d), want %q", r, ins, got, n, want)
				}
			}
		}
	}
}

func TestCaseRep(t *testing.T) {
	tests := []struct {
		in   []rune
		want rune
	}{
		{[]rune{'a', 'A'}, 'a'},
		{[]rune{'k', 'K', '\u212A'}, 'k'},
		{[]rune{'s', 'S', 'ſ'}, 's'},
		{[]rune{'σ', 'Σ', 'ς'}, 'ς'},
		{[]rune{'ß', 'ẞ'}, 'ß'},
		{[]rune{'新'}, '新'},
		{[]rune{'İ'}, 'İ'},
	}
	for _, tc := range tests {
		for _, r := range tc.in {
			if got := caseRep(r); got != tc.want {
				t.Errorf("caseRep(%q) = %q, want %q", r, got, tc.want)
			}
		}
	}
}

// TestCaseRepOrbit checks that every member of a case orbit shares its key.
func TestCaseRepOrbit(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if f := unicode.SimpleFold(r); caseRep(f) != caseRep(r) {
			t.Fatalf("caseRep(%U) = %U but caseRep(%U) = %U", r, caseRep(r), f, caseRep(f))
		}
	}
}

func TestIsASCII(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", true},
		{"short", true},
		{"exactly8", true},
		{"a longer ascii string with 33 b.", true},
		{"exactly8\x80", false},
		{"\x80exactly8", false},
		{"abcdefg新", false},
		{"新闻", false},
	}
	for _, tc := range tests {
		if got := isASCII(tc.in); got != tc.want {
			t.Errorf("isASCII(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestHasUpper(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false}, {"abc", false}, {"aBc", true}, {"新闻", false}, {"ＳＱＬ", true}, {"ǅ", true}, {"ß", false},
	}
	for _, tc := range tests {
		if got := hasUpper(tc.in); got != tc.want {
			t.Errorf("hasUpper(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
