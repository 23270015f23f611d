package loader

import (
	"encoding/binary"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// skipPlainByRune is skipPlain by its definition: the offset of the first
// rune from i on that is not valid or not plain.
func skipPlainByRune(b []byte, i int) int {
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || !plainRune(r) {
			return i
		}
		i += size
	}
	return i
}

// skipPlainOld is skipPlain as it was before it read two runes of three
// bytes of any kind at a time, with the tables of then (threeSpans only,
// the ideographs told by their lead byte): the fast path must go at least
// as far.
func skipPlainOld(b []byte, i int) int {
	t := oldPlainRunes()
	for i < len(b) {
		if i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i : i+8])
			if w&0x80 == 0 {
				if plainASCIIPrefix(w) == 8 {
					i += 8
					for i+8 <= len(b) && plainASCIIPrefix(binary.LittleEndian.Uint64(b[i:i+8])) == 8 {
						i += 8
					}
					continue
				}
			} else if twoIdeographs(w) {
				i += 6
				for i+8 <= len(b) && twoIdeographs(binary.LittleEndian.Uint64(b[i:i+8])) {
					i += 6
				}
				continue
			}
		}
		switch c := b[i]; {
		case c < utf8.RuneSelf:
			if !plainASCII[c] {
				return i
			}
			i++
		case c >= 0xe0 && c < 0xf0:
			if i+2 >= len(b) || b[i+1]&0xc0 != 0x80 || b[i+2]&0xc0 != 0x80 {
				return i
			}
			if c-0xe4 > 0xec-0xe4 && c != 0xee {
				r := uint(c&0x0f)<<12 | uint(b[i+1]&0x3f)<<6 | uint(b[i+2]&0x3f)
				if t.three[r>>6&0x3ff]>>(r&63)&1 == 0 {
					return i
				}
			}
			i += 3
		case c >= 0xc2 && c < 0xe0:
			if i+1 >= len(b) || b[i+1]&0xc0 != 0x80 {
				return i
			}
			r := uint(c&0x1f)<<6 | uint(b[i+1]&0x3f)
			if t.two[r>>6&0x1f]>>(r&63)&1 == 0 {
				return i
			}
			i += 2
		default:
			return i
		}
	}
	return i
}

var oldPlainRunes = sync.OnceValue(func() *plainTables {
	t := new(plainTables)
	for r := rune(0x80); r < 0x800; r++ {
		if plainRune(r) {
			t.two[r>>6] |= 1 << (r & 63)
		}
	}
	for _, span := range threeSpans {
		for r := span[0]; r < span[1]; r++ {
			if utf8.RuneLen(r) == 3 && plainRune(r) {
				t.three[r>>6] |= 1 << (r & 63)
			}
		}
	}
	return t
})

// checkSkipPlain checks skipPlain from every rune of b on: it stops at a
// rune, at or before the first rune that is not plain, and not before
// the old skipPlain stops.
func checkSkipPlain(t *testing.T, b []byte) {
	t.Helper()
	for i := 0; i <= len(b); {
		got, want, old := skipPlain(b, i, plainRunes()), skipPlainByRune(b, i), skipPlainOld(b, i)
		if got < old || got > want {
			t.Fatalf("skipPlain(%q, %d) = %d; the first rune not plain is at %d, the old one stopped at %d", b, i, got, want, old)
		}
		at := i
		for at < got {
			_, size := utf8.DecodeRune(b[at:])
			at += size
		}
		if at != got {
			t.Fatalf("skipPlain(%q, %d) = %d, inside a rune", b, i, got)
		}
		if i == len(b) {
			break
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
}

// skipPlainCases spell out where skipPlain stops in text of every kind it
// reads eight bytes at a time: ASCII, tab and newline among it, two runes
// of three bytes (ideographs, punctuation, the ideographic space, a rune
// of threeSpans or wordSpans next to one of neither).
var skipPlainCases = []struct {
	in   string
	stop int
}{
	{"", 0},
	{"<div><span style='font-size:16px'>", 34},
	{"abc\x01defghijk", 3},
	{"abcdefg\x7fhijk", 7},
	{"abc\tdefghijk\n", 13},
	{"　　下一步，协会将建立长效机制。“家门口就能享受这样的服务。”——记者…", 108},
	{"甲乙丙丁戊己\u00ad庚", 18},
	{"甲乙\u200b丙丁戊己庚", 6},
	{"\u3164甲乙丙丁戊", 0},
	{"甲\u3165乙丙丁戊", 3}, // U+3165 is plain, but not marked
	{"가나다라마바사", 21},
	{"甲乙\ufeff丙丁戊", 6},
	{"甲乙丙丁\ufffd戊", 12},
	{"甲乙丙丁😀戊", 12},
	{"甲乙\xed\xa0\x80丙丁", 6},
	{"甲乙\xe0\x9f\xbf丙丁", 6},
	{"甲乙丙\xe4\xb8", 9},
	{"ab·cd\u00a0ef\u0085", 10},
}

func TestSkipPlainTable(t *testing.T) {
	for _, tc := range skipPlainCases {
		if got := skipPlain([]byte(tc.in), 0, plainRunes()); got != tc.stop {
			t.Errorf("skipPlain(%q) = %d, want %d", tc.in, got, tc.stop)
		}
		checkSkipPlain(t, []byte(tc.in))
	}
	for _, b := range factInputs() {
		checkSkipPlain(t, b)
	}
}

// TestPlainTables checks every rune the tables mark against plainRune,
// and that they mark the ideographs and the punctuation of Chinese text.
func TestPlainTables(t *testing.T) {
	tb := plainRunes()
	for r := rune(0x80); r < 0x10000; r++ {
		var marked bool
		if r < 0x800 {
			marked = tb.two[r>>6]>>(r&63)&1 != 0
		} else {
			marked = tb.three[r>>6]>>(r&63)&1 != 0
		}
		if marked && (!utf8.ValidRune(r) || !plainRune(r)) {
			t.Fatalf("U+%04X is marked, but plainRune rejects it", r)
		}
		chinese := r >= 0x4e00 && r <= 0x9fff || r >= 0x3001 && r <= 0x3011 || r >= 0xff01 && r <= 0xff5e || strings.ContainsRune("“”‘’—…·", r)
		if chinese && !marked {
			t.Fatalf("U+%04X is not marked", r)
		}
	}
}

func FuzzSkipPlain(f *testing.F) {
	for _, tc := range skipPlainCases {
		f.Add([]byte(tc.in))
	}
	for _, s := range factSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkSkipPlain(t, b)
		checkFacts(t, b)
	})
}
