package loader

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// referenceIsBinary is IsBinary by its definition: decode the first 8 KB
// as Decode would (line ends aside), then count.
func referenceIsBinary(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	utf16 := bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE)
	if !utf16 && bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	var s string
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		s = validUTF8(b[len(bomUTF8):])
	case bytes.HasPrefix(b, bomUTF16LE):
		s = decodeUTF16(b[2:], unicode.LittleEndian)
	case bytes.HasPrefix(b, bomUTF16BE):
		s = decodeUTF16(b[2:], unicode.BigEndian)
	case utf8.Valid(b) || utf8.Valid(b[:len(b)-cutRune(b)]):
		s = validUTF8(b)
	default:
		s = decodeGB18030(b)
	}
	runes, bad := 0, 0
	for _, r := range s {
		runes++
		switch {
		case r == 0:
			return true
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == utf8.RuneError:
			bad++
		}
	}
	return bad*10 > runes
}

// binaryInputs are inputs near the limits of IsBinary: one bad rune in ten
// and just over, C1 controls and U+FFFD among text, runes cut at 8 KB.
func binaryInputs(t testing.TB) [][]byte {
	var out [][]byte
	for _, bad := range []string{"\x01", "\x7f", "\u0085", "\u009f", "\ufffd", "\xff", "\xc2", "\xef\xbf"} {
		for _, good := range []int{8, 9, 10, 11} {
			s := strings.Repeat(strings.Repeat("甲", good)+bad, 5)
			out = append(out, []byte(s), []byte("\xef\xbb\xbf"+s), []byte(gb(t, "乙")+s))
		}
	}
	long := strings.Repeat("甲乙a", sniffLen/7+2)
	for cut := sniffLen - 4; cut <= sniffLen+4; cut++ {
		out = append(out, []byte(long[:cut]), []byte("\xef\xbb\xbf"+long[:cut]), []byte("a"+long[:cut]))
	}
	out = append(out,
		[]byte("\u00a0\u00b7\u00bf正文"), []byte("\uff0c\uffe5\ufffc"), []byte("\xef\xbf"), []byte("\xc2"),
		utf16Bytes(t, "甲\x01\x02乙", unicode.LittleEndian), []byte("\xef\xbb\xbf\x00"),
	)
	return out
}

func TestIsBinaryAsDefined(t *testing.T) {
	for _, in := range binaryInputs(t) {
		if got, want := IsBinary(in), referenceIsBinary(in); got != want {
			t.Errorf("IsBinary(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestHasBadRune(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"正文，标点。\t\n\r\f", false},
		{"\u00a0\u00b7\u00bf\u00c0", false},
		{"\uff0c\uffe5\ufffc\ufffe", false},
		{"a\x01", true},
		{"a\x1b[0m", true},
		{"\x7f", true},
		{"\u0080", true},
		{"\u009f", true},
		{"甲\ufffd乙", true},
	}
	for _, tc := range cases {
		if got := hasBadRune([]byte(tc.in)); got != tc.want {
			t.Errorf("hasBadRune(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// checkSource checks that sourceBytes gives what IsBinary and Decode give.
func checkSource(t *testing.T, b []byte) {
	t.Helper()
	e := Entry{Title: "标题", RelPath: "1标题.txt"}
	src, err := sourceBytes(e, b)
	if IsBinary(b) {
		if err != ErrBinary || src.Encoding != EncBinary || src.Text != "" || src.Size != len(b) {
			t.Fatalf("sourceBytes(%q) = %+v, %v; want binary", b, src, err)
		}
		return
	}
	text, enc := Decode(b)
	if err != nil || src.Text != text || src.Encoding != enc || src.Size != len(b) || src.Entry != e {
		t.Fatalf("sourceBytes(%q) = %+v, %v; want %q, %q", b, src, err, text, enc)
	}
}

func TestSourceBytes(t *testing.T) {
	for _, in := range binaryInputs(t) {
		checkSource(t, in)
	}
	for _, tc := range decodeCases(t) {
		checkSource(t, tc.in)
	}
}

func FuzzIsBinary(f *testing.F) {
	for _, in := range binaryInputs(f) {
		if len(in) < 100 {
			f.Add(in)
		}
	}
	for _, tc := range decodeCases(f) {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := IsBinary(b), referenceIsBinary(b); got != want {
			t.Fatalf("IsBinary(%q) = %v, want %v", b, got, want)
		}
		checkSource(t, b)
	})
}

// hasBadRuneBytewise is hasBadRune looking at every byte.
func hasBadRuneBytewise(b []byte) bool {
	for i := range b {
		if badAt(b, i) {
			return true
		}
	}
	return false
}

// TestHasBadRuneEightAtATime puts every byte value at every place of an
// eight-byte group, among text that is not suspect.
func TestHasBadRuneEightAtATime(t *testing.T) {
	for c := range 256 {
		for pos := range 17 {
			for _, tail := range []string{"", "\xbf\xbd", "\x85", "甲"} {
				b := []byte("<p>甲乙丙丁。</p>abc")
				b[pos] = byte(c)
				b = append(b[:pos+1], append([]byte(tail), b[pos+1:]...)...)
				if got, want := hasBadRune(b), hasBadRuneBytewise(b); got != want {
					t.Fatalf("hasBadRune(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestHasBadRuneReplacementAnywhere puts U+FFFD and a C1 control at
// every offset of texts of every length up to three groups.
func TestHasBadRuneReplacementAnywhere(t *testing.T) {
	for n := range 25 {
		for pos := 0; pos < n; pos++ {
			for _, bad := range []string{"\ufffd", "\u0085"} {
				b := []byte(strings.Repeat("a", pos) + bad + strings.Repeat("b", n-pos))
				if !hasBadRune(b) {
					t.Fatalf("hasBadRune(%q) = false", b)
				}
				b = []byte(strings.Repeat("a", pos) + "\uff0c" + strings.Repeat("b", n-pos))
				if hasBadRune(b) {
					t.Fatalf("hasBadRune(%q) = true", b)
				}
			}
		}
	}
}

func FuzzHasBadRune(f *testing.F) {
	f.Add([]byte("<p>甲\ufffd乙</p>\n\r\t\f\x7f\u0085"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := hasBadRune(b), hasBadRuneBytewise(b); got != want {
			t.Fatalf("hasBadRune(%q) = %v, want %v", b, got, want)
		}
	})
}
