package match

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A match is a run of whole runes whose folds, put together, give the
// folded query; so every rune of the folded query is part of the fold of
// some rune of the text. MayOccur tests that condition on the texts a text
// is made from, which is much cheaper than building the text and searching
// it: a false answer proves that no match can occur.

// needleRune is a distinct rune of the folded query and, when stableUncased
// accepts it, the other runes whose fold holds it.
type needleRune struct {
	r       rune
	stable  bool
	sources []rune
}

// needleRunes returns the distinct runes of the folded query s in the order
// they first appear.
func needleRunes(s string) []needleRune {
	var out []needleRune
	for _, r := range s {
		if !slicesContainsRune(out, r) {
			n := needleRune{r: r, stable: r >= utf8.RuneSelf && stableUncased(r)}
			if n.stable {
				n.sources = stableSources()[r]
			}
			out = append(out, n)
		}
	}
	return out
}

func slicesContainsRune(rs []needleRune, r rune) bool {
	for _, x := range rs {
		if x.r == r {
			return true
		}
	}
	return false
}

// Runes returns the distinct runes of the folded query, in the order they
// first appear (nil for an empty matcher).
func (m *Matcher) Runes() []rune {
	if m.Empty() {
		return nil
	}
	out := make([]rune, len(m.runes))
	for i, n := range m.runes {
		out[i] = n.r
	}
	return out
}

// MayOccur reports whether every rune of the folded query is part of the
// fold of some rune of texts. When it reports false, no text made only of
// runes that occur in texts, in any order and number, holds a match. An
// empty matcher matches nothing, so MayOccur is then false. A true answer
// only means that the match must be looked for.
func (m *Matcher) MayOccur(texts ...string) bool {
	if m.Empty() {
		return false
	}
	for _, n := range m.runes {
		found := false
		for _, t := range texts {
			if m.foldHolds(t, n) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Sources returns, when every rune of the folded query is one whose fold
// only itself and a known few other runes hold (ideographs and the like),
// for each rune of the folded query those runes, itself first: a text
// holds a rune whose fold holds it exactly when it holds one of them, and
// MayOccur is then true exactly when every list has a rune in the texts.
// ok is false for any other query and for an empty matcher.
func (m *Matcher) Sources() (sources [][]rune, ok bool) {
	if m.Empty() {
		return nil, false
	}
	for _, n := range m.runes {
		if !n.stable {
			return nil, false
		}
		sources = append(sources, append([]rune{n.r}, n.sources...))
	}
	return sources, true
}

// MayOccurThen is MayOccur(texts..., more()), calling more only when a
// rune of the folded query is in none of texts: for a text that costs
// something to build and is seldom needed, since the other texts hold
// every rune of most queries that match.
func (m *Matcher) MayOccurThen(more func() string, texts ...string) bool {
	if m.Empty() {
		return false
	}
	extra, built := "", false
	for _, n := range m.runes {
		if slices.ContainsFunc(texts, func(t string) bool { return m.foldHolds(t, n) }) {
			continue
		}
		if !built {
			extra, built = more(), true
		}
		if !m.foldHolds(extra, n) {
			return false
		}
	}
	return true
}

// sourcesIn reports whether text holds a rune other than a rune of the
// folded query whose fold holds a rune of the folded query that
// stableUncased accepts. When it does not, and stableUncased accepts every
// rune of the folded query, a match is a run of runes of text whose folds
// are made of runes of the folded query only: each is a rune of the folded
// query itself (a fold is never empty, and the fold of such a rune is
// itself), so the matches are where text holds the folded query.
func (m *Matcher) sourcesIn(text string) bool {
	for _, n := range m.runes {
		for _, s := range n.sources {
			if strings.IndexRune(text, s) >= 0 {
				return true
			}
		}
	}
	return false
}

// foldHolds reports whether n.r, a rune of the folded query, is part of
// the fold of some rune of text.
func (m *Matcher) foldHolds(text string, n needleRune) bool {
	// A rune of the folded query is its own fold, so finding it is enough.
	// For utf8.RuneError, IndexRune also finds the invalid bytes, which
	// fold to U+FFFD.
	if strings.IndexRune(text, n.r) >= 0 {
		return true
	}
	if n.stable {
		for _, s := range n.sources {
			if strings.IndexRune(text, s) >= 0 {
				return true
			}
		}
		return false
	}
	if n.r < utf8.RuneSelf {
		// Among ASCII runes only q, and its upper case when case is
		// ignored, fold to q; runes that are not ASCII may fold to ASCII.
		if q := n.r; m.insensitive && 'a' <= q && q <= 'z' && strings.IndexByte(text, byte(q-'a'+'A')) >= 0 {
			return true
		}
	}
	return otherFoldHolds(text, n.r, m.insensitive)
}

// otherFoldHolds reports whether the fold of a rune of text other than q
// holds q, looking only at runes that are not ASCII (the fold of an ASCII
// rune is ASCII and is looked at by the caller) and not accepted by
// stableUncased (their fold is themselves).
func otherFoldHolds(text string, q rune, insensitive bool) bool {
	var scratch *folded
	defer func() {
		if scratch != nil {
			scratch.release()
		}
	}()
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i = skipASCII(text, i+1)
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if stableUncased(r) {
			i += n
			continue
		}
		if scratch == nil {
			scratch = pool.Get().(*folded)
		}
		scratch.b, _ = appendRuneFold(scratch.b[:0], text[i:], insensitive)
		if foldHasRune(scratch.b, q) {
			return true
		}
		i += n
	}
	return false
}

// skipASCII returns the position of the first byte of text from i on that
// is not ASCII, or len(text).
func skipASCII(text string, i int) int {
	for ; i+8 <= len(text); i += 8 {
		w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(text) && text[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// foldHasRune reports whether the UTF-8 text f holds r.
func foldHasRune(f []byte, r rune) bool {
	for len(f) > 0 {
		x, n := utf8.DecodeRune(f)
		if x == r {
			return true
		}
		f = f[n:]
	}
	return false
}

// stableSources returns, for every rune x that stableUncased accepts, the
// runes other than x whose fold, with or without case, holds x: a
// compatibility ideograph, a radical, an enclosed or parenthesized form,
// a vertical or half-width punctuation mark. The table is built once, from
// the runes of toStableRanges and, when variants are folded, the variant
// characters.
func stableSources() map[rune][]rune {
	if VariantFolding() {
		return stableSourcesVariants()
	}
	return stableSourcesWidth()
}

var (
	stableSourcesWidth    = sync.OnceValue(func() map[rune][]rune { return buildStableSources(false) })
	stableSourcesVariants = sync.OnceValue(func() map[rune][]rune { return buildStableSources(true) })
)

func buildStableSources(withVariants bool) map[rune][]rune {
	m := make(map[rune][]rune)
	var buf []byte
	add := func(r rune) {
		for _, insensitive := range []bool{false, true} {
			buf, _ = appendRuneFold(buf[:0], string(r), insensitive)
			for _, x := range string(buf) {
				if x != r && x >= utf8.RuneSelf && stableUncased(x) && !containsRune(m[x], r) {
					m[x] = append(m[x], r)
				}
			}
		}
	}
	for _, rg := range toStableRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			add(r)
		}
	}
	if withVariants {
		for r := range variantKeys() {
			add(r)
		}
	}
	return m
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// toStableRanges are the ranges of runes that may fold to text holding a
// rune other than themselves that stableUncased accepts (a CJK ideograph, a
// CJK punctuation mark, a curly quote or a Hangul syllable). They are kept
// whole, so they hold runes that do not; TestToStableRangesExhaustive
// checks that no rune outside them does.
var toStableRanges = [][2]rune{
	{0x2329, 0x232A},   // angle brackets
	{0x2E80, 0x2FDF},   // CJK radicals supplement, Kangxi radicals
	{0x3036, 0x303F},   // CJK symbols beyond those stableUncased accepts
	{0x3190, 0x33FF},   // kanbun, enclosed CJK letters, CJK compatibility
	{0xF900, 0xFAFF},   // CJK compatibility ideographs
	{0xFE10, 0xFE6F},   // vertical forms, compatibility forms, small forms
	{0xFF61, 0xFF64},   // half-width CJK punctuation
	{0x1F100, 0x1F2FF}, // enclosed alphanumeric and ideographic supplements
	{0x2F800, 0x2FA1F}, // CJK compatibility ideographs supplement
}
