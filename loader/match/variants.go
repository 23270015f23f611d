package match

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Traditional and simplified characters: besides width and case, folding
// maps every traditional or regional variant character (Hong Kong, Taiwan)
// to the simplified character OpenCC converts it to, one character for one
// (數據庫 and 数据库 fold alike), so offsets in the folded text still map
// back to whole characters of the original. Words written differently
// (資料庫 for 数据库) are not converted: that needs OpenCC's phrase tables.
// The table is generated from OpenCC's character dictionaries (see
// internal/genvariants; LICENSE.OpenCC holds their licence).

//go:embed variants.txt
var variantsTxt string

// variantTable maps a variant character to its simplified character: a
// dense slice over the ideographs of the Basic Multilingual Plane, a map
// beyond.
type variantTable struct {
	dense  []rune // dense[r-denseLo]; 0 when r maps to itself
	sparse map[rune]rune
	min    rune // no rune below maps elsewhere
}

const denseLo, denseHi = 0x3400, 0x9FFF

var variants = sync.OnceValue(func() *variantTable {
	t := &variantTable{dense: make([]rune, denseHi-denseLo+1), sparse: map[rune]rune{}, min: utf8.MaxRune}
	for _, line := range strings.Split(variantsTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		from, n := utf8.DecodeRuneInString(line)
		to, m := utf8.DecodeRuneInString(line[n:])
		if n+m != len(line) || from == utf8.RuneError || to == utf8.RuneError {
			panic("match: bad line in variants.txt: " + line)
		}
		if from >= denseLo && from <= denseHi {
			t.dense[from-denseLo] = to
		} else {
			t.sparse[from] = to
		}
		t.min = min(t.min, from)
	}
	return t
})

// variantsOff turns the folding of variant characters off (see
// SetVariantFolding).
var variantsOff atomic.Bool

// SetVariantFolding turns the folding of traditional and variant
// characters on (the default) or off for every matcher compiled from then
// on. A program sets it once, at start, before it compiles any query.
func SetVariantFolding(on bool) { variantsOff.Store(!on) }

// VariantFolding reports whether variant characters are folded.
func VariantFolding() bool { return !variantsOff.Load() }

// variantOf returns the simplified character of r, or r.
func variantOf(r rune) rune {
	t := variants()
	if r < t.min {
		return r
	}
	if r <= denseHi {
		if r >= denseLo {
			if to := t.dense[r-denseLo]; to != 0 {
				return to
			}
		}
		return r
	}
	if to, ok := t.sparse[r]; ok {
		return to
	}
	return r
}

// foldVariants replaces, in dst[start:], every variant character by its
// simplified character, when variant folding is on.
func foldVariants(dst []byte, start int) []byte {
	if variantsOff.Load() {
		return dst
	}
	for i := start; i < len(dst); {
		if dst[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(dst[i:])
		to := variantOf(r)
		if to == r {
			i += n
			continue
		}
		if m := utf8.RuneLen(to); m == n {
			utf8.EncodeRune(dst[i:], to)
		} else {
			tail := append([]byte(nil), dst[i+n:]...)
			dst = append(utf8.AppendRune(dst[:i], to), tail...)
		}
		i += utf8.RuneLen(to)
	}
	return dst
}

// variantKeys yields every character that folds to another one.
func variantKeys() func(yield func(rune) bool) {
	t := variants()
	return func(yield func(rune) bool) {
		for i, to := range t.dense {
			if to != 0 && !yield(rune(i)+denseLo) {
				return
			}
		}
		for r := range t.sparse {
			if !yield(r) {
				return
			}
		}
	}
}
