// Package match finds a search query in text, ignoring the differences
// between full-width and half-width forms (NFKC) and, unless the query asks
// for it, between upper and lower case. Matches are reported as byte ranges of
// the original text that always cover whole runes.
package match

import (
	"bytes"
	"iter"
	"strings"
	"sync"
	"unicode/utf8"
)

// Matcher is a compiled query. It is immutable and safe for concurrent use.
// A nil *Matcher behaves like an empty one: it matches nothing.
type Matcher struct {
	query       string
	needle      string // the folded query
	needleBytes []byte // the same, for searching a folded buffer
	insensitive bool
	asciiNeedle bool         // the folded query is pure ASCII
	caseLetters bool         // case-insensitive and the folded query holds an ASCII letter
	runes       []needleRune // the distinct runes of the folded query
	stable      bool         // stableUncased accepts every rune of the folded query (see sourcesIn)
	find        finder       // finds the folded query in a text that folds to itself
}

// Compile prepares query for matching. With smartCase, a query holding an
// upper-case letter matches case-sensitively and any other query
// case-insensitively; without smartCase, matching is always case-insensitive.
// An empty query matches nothing.
func Compile(query string, smartCase bool) *Matcher {
	m := &Matcher{query: query}
	m.insensitive = !smartCase || !hasUpper(query)
	m.needleBytes = appendFold(nil, query, m.insensitive)
	m.needle = string(m.needleBytes)
	m.asciiNeedle = isASCII(m.needle)
	m.runes = needleRunes(m.needle)
	m.stable = true
	for _, n := range m.runes {
		m.stable = m.stable && n.stable
	}
	m.find = newFinder(m.needle)
	if m.insensitive {
		for i := 0; i < len(m.needle); i++ {
			if c := m.needle[i]; c >= 'a' && c <= 'z' {
				m.caseLetters = true
				break
			}
		}
	}
	return m
}

// New compiles query with the one matching rule of the program, used by
// the list filter, the search in an article and the collection search:
// smart case (see Compile) and the folding described in fold.go.
func New(query string) *Matcher { return Compile(query, true) }

// Rule states that rule in a line, for the help screen.
const Rule = `lower case matches either case; full-width = half-width; " ' match “ ” ‘ ’`

// VariantRule states the folding of traditional and variant characters
// (see variants.go) in a line, for the help screen while it is on.
const VariantRule = `數據庫 = 数据库, character by character: words are not converted (資料庫 ≠ 数据库)`

// Empty reports whether the matcher has no query and so matches nothing.
func (m *Matcher) Empty() bool { return m == nil || m.needle == "" }

// Query returns the query as given to Compile.
func (m *Matcher) Query() string {
	if m == nil {
		return ""
	}
	return m.query
}

// CaseSensitive reports whether upper and lower case are told apart.
func (m *Matcher) CaseSensitive() bool { return m != nil && !m.insensitive }

// All yields the byte range [start, end) in text of every match, in ascending
// order and without overlap. Each range covers whole runes of text.
func (m *Matcher) All(text string) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		if m.Empty() || text == "" {
			return
		}
		if isASCII(text) {
			if !m.asciiNeedle {
				return // an ASCII text folds to ASCII only
			}
			if !m.caseLetters {
				indexAll(text, m.needle, yield) // the text folds to itself
				return
			}
		}
		if m.stable && !m.sourcesIn(text) {
			m.find.indexAll(text, yield) // see sourcesIn
			return
		}
		f := pool.Get().(*folded)
		defer f.release()
		f.fold(text, m.insensitive)
		m.searchFolded(f, yield)
	}
}

// FindAll returns the byte ranges of all matches in text (see All).
func (m *Matcher) FindAll(text string) [][2]int {
	var out [][2]int
	for s, e := range m.All(text) {
		out = append(out, [2]int{s, e})
	}
	return out
}

// Count returns the number of matches in text.
func (m *Matcher) Count(text string) int {
	n := 0
	for range m.All(text) {
		n++
	}
	return n
}

// Match reports whether text holds at least one match.
func (m *Matcher) Match(text string) bool {
	for range m.All(text) {
		return true
	}
	return false
}

// indexAll yields every non-overlapping occurrence of needle in text.
func indexAll(text, needle string, yield func(int, int) bool) {
	for from := 0; ; {
		k := strings.Index(text[from:], needle)
		if k < 0 {
			return
		}
		s := from + k
		from = s + len(needle)
		if !yield(s, from) {
			return
		}
	}
}

// searchFolded finds the needle in the folded text and yields the matches
// that start and end on the fold of whole original runes.
func (m *Matcher) searchFolded(f *folded, yield func(int, int) bool) {
	needle := m.needleBytes
	mp := mapper{segs: f.segs}
	for from := 0; from+len(needle) <= len(f.b); {
		k := bytes.Index(f.b[from:], needle)
		if k < 0 {
			return
		}
		fs := from + k
		fe := fs + len(needle)
		os := mp.orig(fs)
		if os < 0 {
			from = fs + 1
			continue
		}
		ahead := mp
		oe := ahead.orig(fe)
		if oe < 0 {
			from = fs + 1
			continue
		}
		mp = ahead
		if !yield(os, oe) {
			return
		}
		from = fe
	}
}

// span records one rune whose fold is not a single rune of the same byte
// length: folded bytes [fStart, fEnd) come from original bytes [oStart, oEnd).
// Between spans, folded and original offsets differ by a constant.
type span struct{ fStart, fEnd, oStart, oEnd int }

// folded is a folded copy of a text with what is needed to map its offsets
// back. Instances are pooled, so folding allocates nothing once warm.
type folded struct {
	b    []byte
	segs []span
}

var pool = sync.Pool{New: func() any { return new(folded) }}

// maxPooled is the largest buffer kept for reuse.
const maxPooled = 16 << 20

func (f *folded) release() {
	if cap(f.b) > maxPooled {
		return
	}
	pool.Put(f)
}

// fold replaces the content of f with the fold of text.
func (f *folded) fold(text string, insensitive bool) {
	b, segs := f.b[:0], f.segs[:0]
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(text) && text[j] < utf8.RuneSelf {
				j++
			}
			start := len(b)
			b = append(b, text[i:j]...)
			if insensitive {
				for k := start; k < len(b); k++ {
					b[k] = lowerASCII[b[k]]
				}
			}
			i = j
			continue
		}
		start := len(b)
		var n int
		b, n = appendRuneFold(b, text[i:], insensitive)
		if w := len(b) - start; w != n || !oneRune(b[start:]) {
			segs = append(segs, span{start, len(b), i, i + n})
		}
		i += n
	}
	f.b, f.segs = b, segs
}

// oneRune reports whether p is exactly one UTF-8 encoded rune.
func oneRune(p []byte) bool {
	_, n := utf8.DecodeRune(p)
	return n == len(p)
}

// mapper turns folded offsets into original ones. Its cursor only moves
// forward, so it must be asked about non-decreasing offsets.
type mapper struct {
	segs []span
	k    int // index of the first span ending after the last offset asked
}

// orig returns the original offset of folded offset f, or -1 if f falls
// inside the fold of a single original rune.
func (mp *mapper) orig(f int) int {
	for mp.k < len(mp.segs) && mp.segs[mp.k].fEnd <= f {
		mp.k++
	}
	if mp.k < len(mp.segs) && mp.segs[mp.k].fStart < f {
		return -1
	}
	if mp.k == 0 {
		return f
	}
	p := mp.segs[mp.k-1]
	return p.oEnd + f - p.fEnd
}
