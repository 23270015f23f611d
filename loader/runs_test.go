package loader

import (
	"bytes"
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

// plainRun and saneRun tell many bytes at a time: they must stop where
// telling one rune or one byte at a time stops.

// plainRunByRune is plainRun telling one rune at a time.
func plainRunByRune(s []byte) int {
	t := string(s)
	i := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c > ' ' && c < 0x7f:
			i++
		case c >= 0xe4 && c <= 0xec || c == 0xee:
			if i+2 >= len(t) || t[i+1]&0xc0 != 0x80 || t[i+2]&0xc0 != 0x80 {
				return i
			}
			i += 3
		case (c == 0xe1 || c == 0xe3 || c == 0xef) && keepsThree(t, i):
			i += 3
		case c == 0xe2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] >= 0x90 && t[i+2] <= 0xa7:
			i += 3
		default:
			return i
		}
	}
	return i
}

func checkPlainRun(t *testing.T, s string) {
	t.Helper()
	if got, want := plainRun([]byte(s)), plainRunByRune([]byte(s)); got != want {
		t.Fatalf("plainRun(%q) = %d, want %d", s, got, want)
	}
}

// TestPlainRunAsOneByOne puts every byte and every rune of three bytes at
// every place of the eight bytes plainRun reads at once.
func TestPlainRunAsOneByOne(t *testing.T) {
	for _, s := range runSeeds {
		for i := range len(s) {
			checkPlainRun(t, s[i:])
		}
	}
	const ascii, han = "abcdefghijklmnopq", "一二三四五六七八"
	for c := range 256 {
		for at := range 16 {
			checkPlainRun(t, ascii[:at]+string(rune(c))[:1]+ascii)
			checkPlainRun(t, han[:at/3*3]+string([]byte{byte(c)})+han)
			// in place of a byte: a lead or a continuation byte changed
			checkPlainRun(t, han[:at]+string([]byte{byte(c)})+han[at+1:])
			checkPlainRun(t, ascii[:at]+string([]byte{byte(c)})+ascii[at+1:])
		}
	}
	for r := rune(0x800); r <= 0xffff; r++ {
		for at := range 3 {
			checkPlainRun(t, han[:at*3]+string(r)+han)
			checkPlainRun(t, ascii[:at]+string(r)+ascii)
		}
		// a lone lead byte, or one cut short
		b := []byte(string(r))
		for _, bad := range []string{string(b[:1]) + "一二三", string(b[:2]) + "一二三", "一" + string(b[1:]) + "二三"} {
			checkPlainRun(t, bad)
		}
	}
}

func FuzzPlainRun(f *testing.F) {
	for _, s := range runSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := range min(len(b), 8) {
			checkPlainRun(t, string(b[i:]))
		}
	})
}

// saneText reads sanitized text by the bytes that start white space and
// imageMark alone: for every sanitized text it must build what textRune
// builds rune by rune.

func bySaneRuns(pieces ...string) []Block {
	var b blockBuilder
	for _, p := range pieces {
		b.saneText([]byte(p))
	}
	b.flush()
	return b.blocks
}

// checkSaneText compares saneText with textRune on s sanitized, whole
// and cut in two at the rune boundary at or before cut.
func checkSaneText(t *testing.T, s string, cut int) {
	t.Helper()
	s = Sanitize(s)
	cut = max(0, min(len(s), cut))
	for cut > 0 && cut < len(s) && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if got, want := bySaneRuns(s[:cut], s[cut:]), runeByRune(s[:cut], s[cut:]); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q | %q:\n got %+v\nwant %+v", s[:cut], s[cut:], got, want)
	}
}

var saneSeeds = []string{
	"\u2003甲", "\u2003\u2003", " \u2000x\u200ay\u202fz\u205f", "\u3000\u2028甲", "甲\u00a0乙\u0085丙", "\x00甲\x00",
	"“引号”开头\n第二行", "\u2003\n\u3000段", "a\u00b7b\u00e9c\u00a0", "\U0001F600 x \U0001F600\n\n\U0001F600",
}

func TestSaneTextAsRuneByRune(t *testing.T) {
	for _, s := range append(runSeeds, saneSeeds...) {
		for cut := 0; cut <= len(s); cut++ {
			checkSaneText(t, s, cut)
		}
	}
	// every rune at a block's start, inside one, after white space and
	// after a line end; the runes below U+0800 at every place of the
	// eight bytes read at once (TestSaneRunEveryByte puts every byte
	// there)
	const pad = "一二三四五六七八"
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r == 0x80 {
			r = 0x7ff // one of each byte length below U+0800 is enough…
		}
		if r == 0x10000 {
			r = 0x10ffff - 1 // …and at the end
		}
		for _, s := range []string{string(r) + "x", "甲" + string(r) + "乙", "a " + string(r) + " b", "甲\n" + string(r), "abcde" + string(r) + pad} {
			checkSaneText(t, s, 0)
		}
	}
	for r := rune(0); r < 0x800; r++ {
		for at := 0; at < 8; at++ {
			checkSaneText(t, "abcdefgh"[:at]+string(r)+"abcdefgh", 0)
			checkSaneText(t, string(r)+"abcdefgh"[:at]+string(r), 0)
		}
	}
}

func FuzzSaneText(f *testing.F) {
	for _, s := range append(runSeeds, saneSeeds...) {
		f.Add(s, len(s)/2)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		checkSaneText(t, s, cut)
	})
}

// saneRunByByte is saneRun reading one byte at a time.
func saneRunByByte(s []byte) int {
	for i, c := range s {
		if c <= ' ' || c == 0x7f || c == 0xc2 {
			return i
		}
	}
	return len(s)
}

// TestSaneRunEveryByte puts every byte at every place of the sixteen and
// the eight bytes saneRun reads at once, among bytes of every kind.
func TestSaneRunEveryByte(t *testing.T) {
	for _, fill := range []byte{'a', 0x21, 0x7e, 0x80, 0xc1, 0xc3, 0xe4, 0xff} {
		for c := range 256 {
			for at := range 41 {
				s := bytes.Repeat([]byte{fill}, 44)
				s[at] = byte(c)
				if got, want := saneRun(s), saneRunByByte(s); got != want {
					t.Fatalf("saneRun(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
}

func FuzzSaneRun(f *testing.F) {
	f.Add([]byte("abcdefgh\xc2\xa0一二三四五六七八 x"))
	f.Fuzz(func(t *testing.T, s []byte) {
		if got, want := saneRun(s), saneRunByByte(s); got != want {
			t.Fatalf("saneRun(%q) = %d, want %d", s, got, want)
		}
	})
}

// trimEndByRune is trimEnd decoding every rune it looks at.
func trimEndByRune(buf []byte, pre int) int {
	n := len(buf)
	for n > pre {
		r, size := utf8.DecodeLastRune(buf[pre:n])
		if !unicode.IsSpace(r) {
			break
		}
		n -= size
	}
	return n
}

func checkTrimEnd(t *testing.T, s string, pre int) {
	t.Helper()
	pre = max(0, min(len(s), pre))
	if got, want := trimEnd([]byte(s), pre), trimEndByRune([]byte(s), pre); got != want {
		t.Fatalf("trimEnd(%q, %d) = %d, want %d", s, pre, got, want)
	}
}

// TestTrimEndEveryRune ends a block with every rune, after the indent
// and alone, and after white space.
func TestTrimEndEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || r > 0x10000 && r < utf8.MaxRune-1 {
			continue
		}
		for _, s := range []string{Indent + string(r), string(r), Indent + "甲" + string(r) + " \u3000", "\u2003" + string(r)} {
			for _, pre := range []int{0, 1, len(Indent), len(s) - 1} {
				checkTrimEnd(t, s, pre)
			}
		}
	}
}

func FuzzTrimEnd(f *testing.F) {
	f.Add(Indent+"甲 \u3000", len(Indent))
	f.Add("\u3000\u3000", 3)
	f.Fuzz(func(t *testing.T, s string, pre int) {
		if utf8.ValidString(s) {
			checkTrimEnd(t, s, pre)
		}
	})
}
