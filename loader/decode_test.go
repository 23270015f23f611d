package loader

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// utf16Bytes encodes s as UTF-16 with a byte order mark.
func utf16Bytes(t testing.TB, s string, order unicode.Endianness) []byte {
	t.Helper()
	out, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const decodeSample = "306县农业局开展培训.txt\n<div>　　果农老李说：“心里踏实多了。”</div>\n"

type decodeCase struct {
	name string
	in   []byte
	want string
	enc  string
}

func decodeCases(t testing.TB) []decodeCase {
	return []decodeCase{
		{"utf-8", []byte(decodeSample), decodeSample, EncUTF8},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), decodeSample...), decodeSample, EncUTF8BOM},
		{"utf-16le bom", utf16Bytes(t, decodeSample, unicode.LittleEndian), decodeSample, EncUTF16LE},
		{"utf-16be bom", utf16Bytes(t, decodeSample, unicode.BigEndian), decodeSample, EncUTF16BE},
		{"utf-16le supplementary", utf16Bytes(t, "𠀀字", unicode.LittleEndian), "𠀀字", EncUTF16LE},
		{"utf-16le odd last byte", append(utf16Bytes(t, "甲", unicode.LittleEndian), 'x'), "甲\ufffd", EncUTF16LE},
		{"utf-16le lone surrogate", []byte{0xff, 0xfe, 0x00, 0xd8, 'a', 0}, "\ufffda", EncUTF16LE},
		{"gb18030", []byte(gb(t, decodeSample)), decodeSample, EncGB18030},
		{"gb18030 four-byte", []byte(gb(t, "€𠀀甲")), "€𠀀甲", EncGB18030},
		{"gb18030 invalid byte", []byte(gb(t, "甲") + "\xff" + gb(t, "乙")), "甲\ufffd乙", EncGB18030},
		{"gb18030 lead at end", []byte(gb(t, "甲") + "\x81"), "甲\ufffd", EncGB18030},
		{"utf-8 bom invalid byte", []byte("\xef\xbb\xbfab\xffc"), "ab\ufffdc", EncUTF8BOM},
		{"utf-8 cut at end", []byte("中文字")[:8], "中文\ufffd\ufffd", EncUTF8},
		{"crlf", []byte("甲\r\n乙\r\n"), "甲\n乙\n", EncUTF8},
		{"lone cr", []byte("甲\r乙\r\r\n丙"), "甲\n乙\n\n丙", EncUTF8},
		{"crlf gb18030", []byte(gb(t, "甲\r\n乙")), "甲\n乙", EncGB18030},
		{"crlf utf-16", utf16Bytes(t, "甲\r\n乙\r", unicode.BigEndian), "甲\n乙\n", EncUTF16BE},
		{"empty", nil, "", EncUTF8},
		{"bom only", []byte("\xef\xbb\xbf"), "", EncUTF8BOM},
	}
}

func TestDecode(t *testing.T) {
	for _, tc := range decodeCases(t) {
		got, enc := Decode(tc.in)
		if got != tc.want || enc != tc.enc {
			t.Errorf("%s: Decode(% x) = %q, %q; want %q, %q", tc.name, tc.in, got, enc, tc.want, tc.enc)
		}
	}
}

func TestNormalizeNewlines(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"a", "a"},
		{"\r", "\n"},
		{"\r\n", "\n"},
		{"\n\r", "\n\n"},
		{"a\r\r\nb\rc", "a\n\nb\nc"},
	}
	for _, tc := range cases {
		if got := normalizeNewlines(tc.in); got != tc.want {
			t.Errorf("normalizeNewlines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsBinary(t *testing.T) {
	text := strings.Repeat("　　县农业局组织技术人员深入田间地头，讲解冬季修剪要点。\n", 400)
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.IntN(255) + 1) // no NUL
	}
	controls := bytes.Repeat([]byte("ab\x01\x02\x03\x04"), 100)
	colored := strings.Repeat("正文\x1b[31m红字\x1b[0m，其余都是普通的中文句子，用来凑足长度。", 20)
	cases := []struct {
		name string
		in   []byte
		want bool
	}{
		{"empty", nil, false},
		{"utf-8 text", []byte(text), false},
		{"gb18030 text", []byte(gb(t, text)), false},
		{"utf-16le text", utf16Bytes(t, text, unicode.LittleEndian), false},
		{"utf-16be text", utf16Bytes(t, text, unicode.BigEndian), false},
		{"utf-16 with NUL char", utf16Bytes(t, "甲\x00乙", unicode.LittleEndian), true},
		{"NUL byte", []byte("abc\x00def"), true},
		{"PNG header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), true},
		{"random bytes without NUL", random, true},
		{"many controls", controls, true},
		{"a few escape sequences", []byte(colored), false},
		{"form feeds and tabs", []byte("甲\f乙\t丙\r\n"), false},
		{"NUL after 8 KB", append([]byte(text[:sniffLen]), 0), false},
		// 8192 = 3*2730 + 2: the sample ends inside a character.
		{"utf-8 cut at 8 KB", []byte(strings.Repeat("甲", 3000)), false},
		{"one control in short text", []byte("甲乙丙丁戊己庚辛壬癸\x07"), false},
	}
	for _, tc := range cases {
		if got := IsBinary(tc.in); got != tc.want {
			t.Errorf("%s: IsBinary = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// prefixValid tells of every start of valid and invalid texts what
// utf8.Valid tells: cut between runes, inside a rune of two, three and
// four bytes, and around invalid bytes.
func TestPrefixValid(t *testing.T) {
	for _, s := range []string{"", "abc", "新闻服务", "a\u00e9\u0080z", "😀新a😀", "新\xff闻", "\xe6\x96", "ab\xe6\x96\xb0\xe6", "\xc0\x80新"} {
		b := []byte(s)
		valid := utf8.Valid(b)
		for n := 0; n <= len(b); n++ {
			if got, want := prefixValid(b, n, valid), utf8.Valid(b[:n]); got != want {
				t.Errorf("%q[:%d]: %v, want %v", s, n, got, want)
			}
		}
	}
}
