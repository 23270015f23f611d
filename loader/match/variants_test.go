package match

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestVariantsBothWays(t *testing.T) {
	for _, tc := range []struct {
		query, text string
		want        [][2]int
	}{
		{"数据库", "新建數據庫系統", [][2]int{{6, 15}}},         // simplified finds traditional
		{"數據庫", "数据库课程", [][2]int{{0, 9}}},            // traditional finds simplified
		{"數据庫", "数據库", [][2]int{{0, 9}}},              // mixed on both sides
		{"数据", "SQL數據庫", [][2]int{{3, 9}}},            // offsets of the original
		{"后来", "後來", [][2]int{{0, 6}}},                // one simplified for several traditional
		{"只有", "衹有", [][2]int{{0, 6}}},                // a Hong Kong variant
		{"峰会", "峯會", [][2]int{{0, 6}}},                // a Taiwan variant
		{"户口", "戶口", [][2]int{{0, 6}}},                // HK 户 and standard 戶 alike
		{"資料庫", "数据库", nil},                           // words are not converted
		{"门", "⾨", [][2]int{{0, 3}}},                  // a Kangxi radical: NFKC 門, then 门
		{"長城", "長城 长城 ⻑城", [][2]int{{0, 6}, {7, 13}}}, // U+2ED1 is no NFKC form of 長
	} {
		if got := Compile(tc.query, true).FindAll(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%q in %q: %v, want %v", tc.query, tc.text, got, tc.want)
		}
		if got := naiveFindAll(Compile(tc.query, true), tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%q in %q, by definition: %v, want %v", tc.query, tc.text, got, tc.want)
		}
	}
}

func TestVariantFoldingOff(t *testing.T) {
	SetVariantFolding(false)
	defer SetVariantFolding(true)
	if m := Compile("数据库", true); m.Match("數據庫") || !m.Match("数据库") || m.MayOccur("數據庫") {
		t.Error("variants folded while folding is off")
	}
	if got := string(appendFold(nil, "數據庫", true)); got != "數據庫" {
		t.Errorf("fold %q", got)
	}
}

// TestVariantTable checks the embedded table: every mapping goes from one
// character to another, settles at once (a target maps to itself), keeps
// the runes that stableUncased accepts among them (the prefilter relies on
// it), and the traditional characters of 數據庫 are in it.
func TestVariantTable(t *testing.T) {
	n := 0
	for r := range variantKeys() {
		n++
		to := variantOf(r)
		if to == r || variantOf(to) != to {
			t.Errorf("%c %U → %c %U → %c", r, r, to, to, variantOf(to))
		}
		if stableUncased(r) && !stableUncased(to) {
			t.Errorf("%c %U → %c %U leaves the ranges stableUncased accepts", r, r, to, to)
		}
	}
	if n < 2500 {
		t.Errorf("only %d mappings", n)
	}
	for _, p := range []string{"數数", "據据", "庫库", "後后", "來来", "衹只", "峯峰", "戶户"} {
		from, size := utf8.DecodeRuneInString(p)
		if to, _ := utf8.DecodeRuneInString(p[size:]); variantOf(from) != to {
			t.Errorf("%c → %c, want %c", from, variantOf(from), to)
		}
	}
	if !strings.Contains(variantsTxt, "Apache") {
		t.Error("variants.txt lost its licence notice")
	}
}

// FuzzVariantFold checks the fold of any text: variants change characters,
// never their number; folding is idempotent; the text folds alike whether
// it is written in traditional or simplified characters.
func FuzzVariantFold(f *testing.F) {
	for _, s := range []string{"數據庫", "数据库", "後來SQL數據", "衹有峯會\xff戶", "⾨⻑長", "ＡＢ數"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, insensitive bool) {
		folded := string(appendFold(nil, text, insensitive))
		SetVariantFolding(false)
		width := string(appendFold(nil, text, insensitive))
		SetVariantFolding(true)
		if utf8.RuneCountInString(folded) != utf8.RuneCountInString(width) {
			t.Fatalf("%q folds to %q, %d runes, without variants %q, %d runes", text, folded, utf8.RuneCountInString(folded), width, utf8.RuneCountInString(width))
		}
		for i, r := range []rune(width) {
			if got := []rune(folded)[i]; got != variantOf(r) {
				t.Fatalf("%q: rune %d folds to %c, want %c", text, i, got, variantOf(r))
			}
		}
		if again := string(appendFold(nil, folded, insensitive)); again != folded {
			t.Fatalf("%q: fold %q folds again to %q", text, folded, again)
		}
		// the text found in itself, whatever the form of the query
		if q := []rune(text); len(q) > 0 && len(q) < 8 {
			simplified := strings.Map(variantOf, text)
			m := Compile(simplified, !insensitive)
			if folded != "" && strings.TrimSpace(folded) == folded && !m.Empty() && !m.Match(text) && utf8.ValidString(text) {
				t.Fatalf("%q does not find %q", simplified, text)
			}
		}
	})
}
