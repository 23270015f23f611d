package loader

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode/utf8"
)

// textFacts is what reading a file needs to know of its bytes, learnt in
// one pass (see scanText) instead of one pass each: whether they are valid
// UTF-8 (utf8.Valid), where the first NUL byte is (IsBinary), whether the
// start of the text holds a rune badRune rejects (hasBadRune), where the
// first "\r" is (normalizeNewlines) and where the first rune Sanitize
// changes is (firstUnsafe).
//
// Every offset is that of the first such rune in b[:invalid], or invalid
// when there is none there: the pass stops at the first byte that is not
// valid UTF-8, the bytes after it are not looked at.
type textFacts struct {
	invalid int // the first byte that decoding b from its start finds invalid, or len(b)
	nul     int // the first NUL byte
	bad     int // the first rune badRune rejects
	cr      int // the first "\r"
	// the first rune other than "\r" that Sanitize changes: the text
	// needs no sanitizing once its line ends are normalized when there
	// is none
	unsafe int
}

// valid reports whether the bytes scanned are valid UTF-8.
func (f textFacts) valid(b []byte) bool { return f.invalid == len(b) }

// scanText learns the facts of b in one pass. Most runes are told by
// skipPlain; the others are decoded and judged one by one as the functions
// whose work this does judge them. It allocates nothing.
func scanText(b []byte) textFacts {
	n := len(b)
	f := textFacts{invalid: n, nul: n, bad: n, cr: n, unsafe: n}
	t := plainRunes()
	for i := skipPlain(b, 0, t); i < n; i = skipPlain(b, i, t) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			f.invalid = i
			break
		}
		f.note(r, i)
		i += size
	}
	f.nul, f.bad = min(f.nul, f.invalid), min(f.bad, f.invalid)
	f.cr, f.unsafe = min(f.cr, f.invalid), min(f.unsafe, f.invalid)
	return f
}

// skipPlain returns the offset of the first rune from i on that is not
// plain (see plainRune), or len(b); it may stop earlier, at a plain rune
// the tables do not mark (see plainTables). Where it can it reads eight
// bytes at a time: the plain ASCII bytes they start with (markup and
// Latin text), or two runes of three bytes each (ideographs and Chinese
// punctuation alike, looked up in the table, so that a run of Chinese
// text takes the same branches whatever its runes). Other runes are told
// one by one. It calls nothing, so that its loop keeps what it needs in
// registers.
func skipPlain(b []byte, i int, t *plainTables) int {
	for i < len(b) {
		if i+8 <= len(b) {
			// the first byte is not read apart from the eight: the
			// compiler then reads them with one load
			w := binary.LittleEndian.Uint64(b[i : i+8])
			if w&0x80 == 0 {
				if n := plainASCIIPrefix(w); n == 8 {
					i += 8 // markup and Latin text
					for i+8 <= len(b) && plainASCIIPrefix(binary.LittleEndian.Uint64(b[i:i+8])) == 8 {
						i += 8
					}
					continue
				} else if n > 0 {
					i += n // up to the first byte left to the switch
					continue
				}
			} else if twoIdeographs(w) {
				i += 6
				for i+8 <= len(b) && twoIdeographs(binary.LittleEndian.Uint64(b[i:i+8])) {
					i += 6
				}
				continue
			} else if w&0xc0c0f0c0c0f0 == 0x8080e08080e0 {
				// two runes of three bytes other than two ideographs
				// (punctuation, the ideographic space): their bits
				r0 := uint(w&0x0f)<<12 | uint(w>>8&0x3f)<<6 | uint(w>>16&0x3f)
				r1 := uint(w>>24&0x0f)<<12 | uint(w>>32&0x3f)<<6 | uint(w>>40&0x3f)
				if t.three[r0>>6]>>(r0&63)&(t.three[r1>>6]>>(r1&63))&1 != 0 {
					i += 6
					continue
				}
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
			// an overlong form (0xE0 0x80–0x9F) or a surrogate (0xED
			// 0xA0–0xBF) gives a rune the table does not mark
			r := uint(c&0x0f)<<12 | uint(b[i+1]&0x3f)<<6 | uint(b[i+2]&0x3f)
			if t.three[r>>6]>>(r&63)&1 == 0 {
				return i
			}
			i += 3 // an ideograph, CJK punctuation, a full-width form
		case c >= 0xc2 && c < 0xe0:
			if i+1 >= len(b) || b[i+1]&0xc0 != 0x80 {
				return i
			}
			r := uint(c&0x1f)<<6 | uint(b[i+1]&0x3f)
			if t.two[r>>6&0x1f]>>(r&63)&1 == 0 {
				return i
			}
			i += 2 // Latin-1 and the like, "·" among them
		default:
			return i // four bytes, or not valid
		}
	}
	return i
}

// note records the valid rune r at offset i, the rune the pass is at, in
// the facts it belongs to.
func (f *textFacts) note(r rune, i int) {
	switch {
	case r == 0:
		f.nul = min(f.nul, i)
	case r == '\r':
		f.cr = min(f.cr, i)
		return // Sanitize drops it, normalizeNewlines does not
	}
	if badRune(r) {
		f.bad = min(f.bad, i)
	}
	if classify(r) != keep {
		f.unsafe = min(f.unsafe, i)
	}
}

// plainRune reports whether the valid rune r is one scanText may pass
// over: badRune does not reject it, Sanitize keeps it and it is not "\r".
func plainRune(r rune) bool {
	return r != '\r' && !badRune(r) && classify(r) == keep
}

// plainASCIIPrefix returns how many of the eight bytes of w, from the
// first on, are ASCII that plainRune accepts, the most common of them:
// none below 0x20 (tab and newline are left to plainASCII), none 0x7F and
// none 0x80 or above. Of the bytes the mask marks, a borrow of the
// subtractions only marks bytes above one that is marked already: the
// lowest one marked is the first that is not such ASCII.
func plainASCIIPrefix(w uint64) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	del := w ^ 0x7f*ones
	stops := (w | (w - 0x20*ones) | (del-ones)&^del) & highs
	return bits.TrailingZeros64(stops) >> 3 // 8 when there is none
}

// twoIdeographs reports whether the first six of the eight bytes of w are
// two runes of U+4000–U+CFFF, which plainRune accepts: a lead byte
// 0xE4–0xEC and two continuation bytes each.
func twoIdeographs(w uint64) bool {
	const conts, contBits = 0x0000c0c000c0c000, 0x0000808000808000
	return w&conts == contBits && uint8(w)-0xe4 <= 0xec-0xe4 && uint8(w>>24)-0xe4 <= 0xec-0xe4
}

// plainASCII marks the ASCII bytes plainRune accepts.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = plainRune(rune(c))
	}
	return t
}()

// plainTables marks, one bit per rune, runes plainRune accepts: two holds
// every one UTF-8 writes in two bytes (U+0080–U+07FF); three those of
// three bytes that Chinese text holds, the ideographs (wordSpans) and the
// punctuation and symbols around them (threeSpans). Other runes are not
// marked, what an overlong form or a surrogate decodes to among them:
// skipPlain leaves them to scanText.
type plainTables struct {
	two   [0x800 / 64]uint64
	three [0x10000 / 64]uint64
}

// plainRunes returns the tables, made the first time: a program that reads no
// file does not spend the fraction of a millisecond it takes.
var plainRunes = sync.OnceValue(func() *plainTables {
	t := new(plainTables)
	for r := rune(0x80); r < 0x800; r++ {
		if plainRune(r) {
			t.two[r>>6] |= 1 << (r & 63)
		}
	}
	for _, span := range wordSpans {
		for r := span[0]; r < span[1]; r += 64 {
			t.three[r>>6] = ^uint64(0)
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

// wordSpans are runs of runes plainRune accepts every one of (classify
// keeps all of U+3165–U+FEFE, and none is a control), each from its
// first rune up to the second, both a multiple of 64: plainRunes marks
// them a word of the table at a time. They hold the CJK ideographs
// (U+3400–U+4DBF, U+4E00–U+9FFF), Yi, Hangul and the private use area,
// not the surrogates (U+D800–U+DFFF), which are not runes.
var wordSpans = [][2]rune{{0x3180, 0xd800}, {0xe000, 0xfec0}}

// threeSpans are the runs of runes plainTables.three marks one by one,
// each from its first rune up to the second: general punctuation ("“",
// "—", "…"), letter-like symbols, arrows, mathematical operators,
// enclosed numbers, box drawing, shapes, symbols and dingbats; CJK
// punctuation ("、", "。", "《") and kana; the CJK compatibility and small
// forms, and the half- and full-width forms ("，", "：", "（"). Marking
// every rune one by one would take a millisecond.
var threeSpans = [][2]rune{{0x2000, 0x27c0}, {0x3000, 0x3100}, {0xfe00, 0x10000}}
