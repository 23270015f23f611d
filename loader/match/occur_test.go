package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// foldRuneSet returns every rune of the folds of the runes of texts: what a
// folded text made of runes of texts can hold.
func foldRuneSet(insensitive bool, texts ...string) map[rune]bool {
	set := make(map[rune]bool)
	for _, t := range texts {
		for _, st := range foldSteps(t, insensitive) {
			for _, r := range st.fold {
				set[r] = true
			}
		}
	}
	return set
}

// referenceMayOccur is MayOccur by its definition.
func referenceMayOccur(m *Matcher, texts ...string) bool {
	if m.Empty() {
		return false
	}
	set := foldRuneSet(m.insensitive, texts...)
	for _, r := range m.needle {
		if !set[r] {
			return false
		}
	}
	return true
}

var mayOccurCases = []struct {
	name  string
	query string
	smart bool
	texts []string
	want  bool
}{
	{"empty query", "", true, []string{"anything"}, false},
	{"no text", "新", true, nil, false},
	{"han present", "新闻", true, []string{"今日新闻"}, true},
	{"han apart", "新闻", true, []string{"<b>新</b>", "闻"}, true},
	{"han missing", "新闻", true, []string{"今日新报"}, false},
	{"han order does not matter", "新闻", true, []string{"闻新"}, true},
	{"kangxi radical", "一", true, []string{"\u2F00"}, true},
	{"compatibility ideograph", "\u8C48", true, []string{"\uF900"}, true},
	{"parenthesized ideograph", "一", true, []string{"\u3220"}, true},
	{"squared ideograph", "手", true, []string{"\U0001F210"}, true},
	{"supplement ideograph", "\u4E3D", true, []string{"\U0002F800"}, true},
	{"half-width full stop", "。", true, []string{"｡"}, true},
	{"vertical comma", "、", true, []string{"\uFE11"}, true},
	{"angle bracket", "\u3008", true, []string{"\u2329"}, true},
	{"hangzhou numeral", "十", true, []string{"\u3038"}, true},
	{"circled hangul", "가", true, []string{"\u326E"}, true},
	{"ascii lower in upper text", "sql", true, []string{"SQL"}, true},
	{"ascii sensitive", "SQL", true, []string{"sql"}, false},
	{"full-width text", "sql", true, []string{"ＳＱＬ"}, true},
	{"full-width query", "ＳＱＬ", false, []string{"sql"}, true},
	{"ligature", "fi", true, []string{"ﬁ"}, true},
	{"kelvin sign", "k", true, []string{"\u212A"}, true},
	{"long s", "s", true, []string{"ſ"}, true},
	{"square word", "株式", true, []string{"㍿"}, true},
	{"ideographic space", " ", true, []string{"\u3000"}, true},
	{"greek final sigma", "σ", true, []string{"ς"}, true},
	{"invalid bytes", "\xff", true, []string{"a\xfeb"}, true},
	{"replacement char", "\uFFFD", true, []string{"a\xfeb"}, true},
	{"no replacement char", "\uFFFD", true, []string{"ab"}, false},
	{"one rune missing", "新闻a", true, []string{"新闻", "b"}, false},
	{"runes from several texts", "新闻a", true, []string{"新", "闻", "A"}, true},
}

func TestMayOccur(t *testing.T) {
	for _, tc := range mayOccurCases {
		t.Run(tc.name, func(t *testing.T) {
			m := Compile(tc.query, tc.smart)
			if got := m.MayOccur(tc.texts...); got != tc.want {
				t.Errorf("MayOccur(%q in %q) = %v, want %v", tc.query, tc.texts, got, tc.want)
			}
			checkMayOccurThen(t, m, tc.texts, tc.want)
			if ref := referenceMayOccur(m, tc.texts...); ref != tc.want {
				t.Errorf("reference for %q in %q = %v, want %v", tc.query, tc.texts, ref, tc.want)
			}
		})
	}
	var nilMatcher *Matcher
	if nilMatcher.MayOccur("x") {
		t.Error("nil matcher may occur")
	}
}

func TestRunes(t *testing.T) {
	tests := []struct {
		query string
		smart bool
		want  []rune
	}{
		{"", true, nil},
		{"新闻新", true, []rune{'新', '闻'}},
		{"ＳＱＬ", false, []rune{'s', 'q', 'l'}},
		{"ＳＱＬ", true, []rune{'S', 'Q', 'L'}},
		{"\u3000ﬁ", true, []rune{' ', 'f', 'i'}},
	}
	for _, tc := range tests {
		if got := Compile(tc.query, tc.smart).Runes(); !slices.Equal(got, tc.want) {
			t.Errorf("Runes(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
}

// TestToStableRangesExhaustive checks every rune: a rune whose fold holds
// another rune that stableUncased accepts lies in toStableRanges or is a
// variant character, and is among the stableSources of that rune; every rune of a fold is part of
// its own fold, which makes the shortcut of finding the rune itself exact;
// and no fold is empty, which sourcesIn relies on.
func TestToStableRangesExhaustive(t *testing.T) {
	if testing.Short() {
		t.Skip("exhaustive")
	}
	sources := stableSources()
	inRanges := func(r rune) bool {
		for _, rg := range toStableRanges {
			if rg[0] <= r && r <= rg[1] {
				return true
			}
		}
		return false
	}
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, ins := range []bool{false, true} {
			f, _ := appendRuneFold(nil, string(r), ins)
			if len(f) == 0 {
				if bad++; bad < 10 {
					t.Errorf("%U (insensitive %v) folds to nothing", r, ins)
				}
			}
			for _, x := range string(f) {
				if x != r && x >= utf8.RuneSelf && stableUncased(x) && (!inRanges(r) && variantOf(r) == r || !containsRune(sources[x], r)) {
					if bad++; bad < 10 {
						t.Errorf("%U (insensitive %v) folds to %q, holding %U: not among its sources", r, ins, f, x)
					}
				}
				if ff, _ := appendRuneFold(nil, string(x), ins); !strings.ContainsRune(string(ff), x) {
					if bad++; bad < 10 {
						t.Errorf("%U (insensitive %v) folds to %q, holding %U, whose fold %q does not hold it", r, ins, f, x, ff)
					}
				}
			}
		}
	}
}

// shuffleRunes returns the runes of s in a random order.
func shuffleRunes(s string, rng *rand.Rand) string {
	rs := []rune(s)
	rng.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	return string(rs)
}

// checkMayOccur checks MayOccur against its definition, and that a false
// answer holds for texts built from the runes of texts.
func checkMayOccur(t *testing.T, m *Matcher, texts []string, rng *rand.Rand) {
	t.Helper()
	got, want := m.MayOccur(texts...), referenceMayOccur(m, texts...)
	if got != want {
		t.Fatalf("MayOccur(%q in %q) = %v, reference %v", m.Query(), texts, got, want)
	}
	checkMayOccurThen(t, m, texts, got)
	checkSources(t, m, texts, got)
	if got {
		return
	}
	all := strings.Join(texts, "")
	rev := slices.Clone(texts)
	slices.Reverse(rev)
	for _, text := range []string{all, strings.Join(rev, ""), shuffleRunes(all, rng), shuffleRunes(all+all, rng)} {
		if found := m.FindAll(text); found != nil {
			t.Fatalf("MayOccur(%q in %q) = false, but %q holds matches %v", m.Query(), texts, text, found)
		}
	}
}

// checkMayOccurThen checks that MayOccurThen, given the last of texts to
// build, answers as MayOccur did (got), and builds it only when the
// others do not hold every rune of the query.
func checkMayOccurThen(t *testing.T, m *Matcher, texts []string, got bool) {
	t.Helper()
	if len(texts) == 0 {
		return
	}
	head, last := texts[:len(texts)-1], texts[len(texts)-1]
	built := false
	then := m.MayOccurThen(func() string { built = true; return last }, head...)
	if then != got {
		t.Fatalf("MayOccurThen(%q in %q, then %q) = %v, MayOccur %v", m.Query(), head, last, then, got)
	}
	if needed := !m.MayOccur(head...); built && !needed {
		t.Fatalf("MayOccurThen(%q in %q) built the last text though the others hold the query's runes", m.Query(), head)
	}
}

// checkSources checks that, when Sources answers, a rune of each of its
// lists is in the texts exactly when MayOccur is true (got).
func checkSources(t *testing.T, m *Matcher, texts []string, got bool) {
	t.Helper()
	sources, ok := m.Sources()
	if !ok {
		return
	}
	all := true
	for _, rs := range sources {
		all = all && slices.ContainsFunc(rs, func(r rune) bool {
			return slices.ContainsFunc(texts, func(s string) bool { return strings.ContainsRune(s, r) })
		})
	}
	if all != got {
		t.Fatalf("Sources of %q: %q, in texts %q: %v; MayOccur %v", m.Query(), sources, texts, all, got)
	}
}

// TestSources: ideographs and their variants answer, other queries not.
func TestSources(t *testing.T) {
	for _, tc := range []struct {
		query string
		ok    bool
		has   []rune // runes that must be among the sources
	}{
		{"基准词", true, []rune("基准詞")},
		{"新闻", true, []rune("新聞")},
		{"服务", true, []rune("服務")},
		{"新闻 ", false, nil},
		{"ＳＱＬ", false, nil},
		{"5G", false, nil},
		{"", false, nil},
	} {
		sources, ok := Compile(tc.query, true).Sources()
		if ok != tc.ok {
			t.Errorf("Sources(%q) ok = %v", tc.query, ok)
			continue
		}
		for _, r := range tc.has {
			if !slices.ContainsFunc(sources, func(rs []rune) bool { return slices.Contains(rs, r) }) {
				t.Errorf("Sources(%q) = %q lacks %q", tc.query, sources, r)
			}
		}
	}
}

// TestMayOccurGenerated draws queries from the texts themselves, so that
// both answers come up.
func TestMayOccurGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("新闻图书馆一二十。、，“”ＳＱＬsqlSQLﬁfi ㍿株式\u3000\u2F00\u3220\uF900\u8C48｡ſKkΣσς\uFFFD")
	pick := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 5000 {
		texts := []string{pick(rng.IntN(12)), pick(rng.IntN(4))}
		checkMayOccur(t, Compile(pick(1+rng.IntN(3)), rng.IntN(2) == 0), texts, rng)
	}
}

func FuzzMayOccur(f *testing.F) {
	for _, tc := range mayOccurCases {
		a, b := "", ""
		if len(tc.texts) > 0 {
			a = tc.texts[0]
		}
		if len(tc.texts) > 1 {
			b = tc.texts[1]
		}
		f.Add(tc.query, a, b, tc.smart)
	}
	for _, tc := range findCases {
		f.Add(tc.query, tc.text, "", tc.smart)
	}
	f.Fuzz(func(t *testing.T, query, a, b string, smart bool) {
		rng := rand.New(rand.NewPCG(uint64(len(a)), uint64(len(b))))
		checkMayOccur(t, Compile(query, smart), []string{a, b}, rng)
	})
}
