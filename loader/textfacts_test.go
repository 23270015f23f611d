package loader

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// The facts scanText learns in one pass must be what the passes it stands
// for find: utf8.Valid, bytes.IndexByte for NUL and "\r", hasBadRune and
// firstUnsafe.

// firstInvalid is the offset of the first byte utf8.DecodeRune finds
// invalid when b is decoded from its start, or len(b).
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// indexOr is bytes.IndexByte(b, c), or len(b) when b holds no c.
func indexOr(b []byte, c byte) int {
	if i := bytes.IndexByte(b, c); i >= 0 {
		return i
	}
	return len(b)
}

// referenceFacts is scanText by its definition: rune by rune, every rune
// judged by badRune and classify.
func referenceFacts(b []byte) textFacts {
	f := textFacts{invalid: len(b), nul: -1, bad: -1, cr: -1, unsafe: -1}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			f.invalid = i
			break
		}
		for _, c := range [...]struct {
			at  *int
			yes bool
		}{{&f.nul, r == 0}, {&f.cr, r == '\r'}, {&f.bad, badRune(r)}, {&f.unsafe, r != '\r' && classify(r) != keep}} {
			if c.yes && *c.at < 0 {
				*c.at = i
			}
		}
		i += size
	}
	for _, at := range []*int{&f.nul, &f.bad, &f.cr, &f.unsafe} {
		if *at < 0 {
			*at = f.invalid
		}
	}
	return f
}

// checkFacts compares scanText(b) with its definition and with the
// functions it stands for.
func checkFacts(t *testing.T, b []byte) {
	t.Helper()
	f := scanText(b)
	if want := referenceFacts(b); f != want {
		t.Fatalf("scanText(%q) = %+v, want %+v", b, f, want)
	}
	inv := firstInvalid(b)
	if f.invalid != inv || f.valid(b) != utf8.Valid(b) {
		t.Fatalf("%q: invalid %d, valid %v; want %d, %v", b, f.invalid, f.valid(b), inv, utf8.Valid(b))
	}
	head := b[:inv] // the bytes the facts are about, valid UTF-8
	if want := indexOr(head, 0); f.nul != want {
		t.Fatalf("%q: nul %d, want %d", b, f.nul, want)
	}
	if want := indexOr(head, '\r'); f.cr != want {
		t.Fatalf("%q: cr %d, want %d", b, f.cr, want)
	}
	if got, want := f.firstUnsafe(b), firstUnsafe(string(b), false); got != want {
		t.Fatalf("%q: firstUnsafe %d, want %d", b, got, want)
	}
	// "\r" replaced by "\n", which Sanitize keeps, offsets unchanged
	noCR := strings.ReplaceAll(string(head), "\r", "\n")
	if want := firstUnsafe(noCR, false); f.unsafe != want {
		t.Fatalf("%q: unsafe %d, want %d", b, f.unsafe, want)
	}
	// hasBadRune of every start of the text that ends before a rune, a
	// sniff of every length among them (of a long text, those near its
	// ends, the first bad rune and the sniff's end)
	for n := 0; n <= inv; n++ {
		if n < inv && !utf8.RuneStart(b[n]) || inv > 256 && !near(n, 0, inv, f.bad, sniffLen) {
			continue
		}
		if got, want := f.bad < n, hasBadRune(b[:n]); got != want {
			t.Fatalf("%q: bad %d; hasBadRune of the first %d bytes %v", b, f.bad, n, want)
		}
	}
	if f.bad > inv {
		t.Fatalf("%q: bad %d past %d", b, f.bad, inv)
	}
}

// near reports whether n is at most 8 away from one of at.
func near(n int, at ...int) bool {
	for _, a := range at {
		if n >= a-8 && n <= a+8 {
			return true
		}
	}
	return false
}

// factSeeds hold every kind of rune scanText tells apart: plain ASCII,
// tab and newline, the controls, CR and NUL, runes of two, three and four
// bytes it passes over, those Sanitize drops or changes or badRune
// rejects, and invalid sequences.
var factSeeds = []string{
	"",
	"<div><span style='font-size:16px'> 　　下一步，协会将建立长效机制。“家门口就能享受这样的服务。”——记者…</span></div>",
	"plain ASCII text, more than eight bytes\tand a tab\nand a line",
	"a\x00b", "\x00", "甲\r\n乙\r丙", "\r", "\f\v\x01\x1b[31m\x7f",
	"\u0080\u0085\u009f\u00a0\u00ad\u00b7\u00bf\u00c0\u00ff\u034f\u061b\u061c\u061d\u07ff",
	"\u0800\u115f\u1160\u17b4\u17b5\u180b\u180e\u180f\u1810\u1fff",
	"\u2000\u200a\u200b\u200c\u200d\u200e\u200f\u2010\u2027\u2028\u2029\u202a\u202e\u202f\u203f",
	"\u2040\u205f\u2060\u2065\u2066\u2069\u206a\u206f\u2070\u2fff",
	"\u3000\u3001\u3002\u3163\u3164\u3165\u4dff\u4e00\u9fff\ua000\ud7ff",
	"\ue000\uf8ff\uf900\ufeff\ufeff\uff0c\uffa0\uffef\ufff0\ufff8\ufff9\ufffc\ufffd\ufffe\uffff",
	"\U00010000\U0001bca0\U0001d173\U0001f600\U000e0001\U000e0020\U000e0100\U000e01f0\U0010ffff",
	"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",
	"\xed\xa0\x80", "\xed\xbf\xbf", "\xed\x9f\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80",
	"\x80", "\xbf", "\xc2", "\xe4\xb8", "\xef\xbf", "\xf0\x9f\x98", "\xfe", "\xff",
	"甲\xe4\xb8a", "甲\xe4a\xb8", "\xe4\xb8\xe4\xb8\xad", "abcdefg\xe4\xb8\xadhijklmno\xffpq",
	"\ufffd\u0085\x01", "\u0085\x00", "\u2028\x00\r",
	"plain text\x7fmore text", "plain text\x00more text", "plain text\rmore text", "plain text\x1bmore text",
}

// factInputs are the seeds, each also after 0 to 8 ASCII bytes (every
// place in an eight-byte group) and cut at every byte on either side.
func factInputs() [][]byte {
	var out [][]byte
	for _, s := range factSeeds {
		for pad := range 9 {
			p := strings.Repeat("x", pad) + s + "yz"
			for cut := 0; cut <= len(p); cut++ {
				out = append(out, []byte(p[:cut]), []byte(p[cut:]))
			}
		}
	}
	return out
}

func TestScanText(t *testing.T) {
	for _, b := range factInputs() {
		checkFacts(t, b)
	}
}

// TestScanTextTable spells out the facts of a few texts.
func TestScanTextTable(t *testing.T) {
	cases := []struct {
		in                          string
		invalid, nul, bad, cr, safe int
	}{
		{"", 0, 0, 0, 0, 0},
		{"甲乙丙，。abc\n\t", 20, 20, 20, 20, 20},
		{"甲\r\n乙", 8, 8, 8, 3, 8},
		{"甲\x00乙", 7, 3, 3, 7, 3},
		{"甲\ufffd乙", 9, 9, 3, 9, 9}, // U+FFFD: binary if frequent, kept by Sanitize
		{"甲\u00ad乙", 8, 8, 8, 8, 3}, // soft hyphen: dropped, not binary
		{"甲\u0085乙", 8, 8, 3, 8, 3}, // C1 control
		{"甲\u202e乙", 9, 9, 9, 9, 3}, // bidi override
		{"甲\f乙", 7, 7, 7, 7, 3},
		{"甲\xed\xa0\x80乙", 3, 3, 3, 3, 3}, // surrogate: invalid, nothing after is looked at
		{"\r\x00\xff\x00", 2, 1, 1, 0, 1},
	}
	for _, tc := range cases {
		f := scanText([]byte(tc.in))
		if f.invalid != tc.invalid || f.nul != tc.nul || f.bad != tc.bad || f.cr != tc.cr || f.unsafe != tc.safe {
			t.Errorf("scanText(%q) = %+v, want %+v", tc.in, f, tc)
		}
	}
}

// TestScanTextEveryShortSequence tries every two-byte sequence and every
// three-byte one whose lead byte starts three bytes, after plain text and
// before it: the tables of the fast path against the exact functions.
func TestScanTextEveryShortSequence(t *testing.T) {
	b := make([]byte, 0, 8)
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := range 256 {
			b = append(b[:0], byte(c0), byte(c1), 'a')
			checkFacts(t, b)
			if c0 < 0xe0 || c0 >= 0xf0 || testing.Short() && c1&0xc0 != 0x80 {
				continue
			}
			for c2 := range 256 {
				b = append(b[:0], 'a', byte(c0), byte(c1), byte(c2))
				checkFacts(t, b)
			}
		}
	}
}

// TestScanTextEightAtATime puts every byte value at every place of
// eight-byte groups of plain ASCII, and after it the rest of a rune.
func TestScanTextEightAtATime(t *testing.T) {
	for c := range 256 {
		for pos := range 17 {
			for _, tail := range []string{"", "\x80", "\xb8\xad", "甲"} {
				b := []byte("<p class=x>text</p>")
				b[pos] = byte(c)
				b = append(b[:pos+1], append([]byte(tail), b[pos+1:]...)...)
				checkFacts(t, b)
			}
		}
	}
}

// TestScanTextSniffBoundary puts runes of every kind across and beside
// the end of the sniff.
func TestScanTextSniffBoundary(t *testing.T) {
	for _, r := range []string{"甲", "\u0085", "\ufffd", "\x00", "\r", "\x01", "\u00b7", "😀", "\xe4\xb8"} {
		for at := sniffLen - 5; at <= sniffLen+1; at++ {
			b := []byte(strings.Repeat("a", at) + r + "乙")
			checkFacts(t, b)
			checkReadSource(t, b)
			checkReadSource(t, append([]byte("\xef\xbb\xbf"), b...))
		}
	}
}

func FuzzScanText(f *testing.F) {
	for _, s := range factSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkFacts(t, b)
		checkReadSource(t, b)
		checkReadSource(t, append([]byte("\xef\xbb\xbf"), b...))
	})
}

// checkReadSource checks that readSource, in place or copying, gives what
// IsBinary and Decode give, and that the text it prepares for cleaning is
// what Clean reads.
func checkReadSource(t *testing.T, b []byte) {
	t.Helper()
	e := Entry{Title: "标题", RelPath: "1标题.txt"}
	if utf8.Valid(b) {
		bom := 0
		if bytes.HasPrefix(b, bomUTF8) {
			bom = len(bomUTF8)
		}
		if binaryUTF8Facts(b, bom, scanText(b[bom:])) != IsBinary(b) {
			t.Fatalf("binaryUTF8Facts(%q, %d) = %v, want %v", b, bom, !IsBinary(b), IsBinary(b))
		}
	}
	for _, owned := range []bool{false, true} {
		src, err := readSource(e, bytes.Clone(b), owned)
		if IsBinary(b) {
			if err != ErrBinary || src.Encoding != EncBinary || src.Text != "" {
				t.Fatalf("readSource(%q, %v) = %+v, %v; want binary", b, owned, src, err)
			}
			continue
		}
		text, enc := Decode(b)
		if err != nil || src.Text != text || src.Encoding != enc {
			t.Fatalf("readSource(%q, %v) = %+v, %v; want %q, %q", b, owned, src, err, text, enc)
		}
		if got, want := src.cleanText(), Sanitize(normalizeNewlines(src.Text)); got != want {
			t.Fatalf("readSource(%q, %v): text for cleaning %q, want %q", b, owned, got, want)
		}
	}
}

func TestReadSource(t *testing.T) {
	for _, b := range factInputs() {
		checkReadSource(t, b)
		checkReadSource(t, append([]byte("\xef\xbb\xbf"), b...))
	}
}

// TestSaneText checks that the text of a common article is cleaned
// without being sanitized again, and that a Source whose text is not the
// one read is sanitized.
func TestSaneText(t *testing.T) {
	pad := strings.Repeat("正文", 20) // so that one bad rune does not make a text binary
	cases := []struct {
		in   string
		sane bool
	}{
		{"1标题.txt\n<p>　　正文，“引号”——破折号…·</p>\n\t&nbsp;", true},
		{"1标题.txt\r\n<p>正文</p>\r\n", true}, // CRLF: normalized, then nothing to sanitize
		{"甲\ufffd乙" + pad, true},
		{"", false},
		{"甲\x1b[31m乙" + pad, false},
		{"甲\u202e乙" + pad, false},
		{"甲\u00ad乙" + pad, false},
		{"\xef\xbb\xbf甲乙", true},        // the byte order mark is not part of the text
		{"\xef\xbb\xbf\ufeff甲乙", false}, // a second one is
		{pad + "甲\xe4\xb8", false},      // a rune cut at the end: the way of Decode
	}
	for _, tc := range cases {
		in := tc.in
		for _, owned := range []bool{false, true} {
			src, err := readSource(Entry{Title: "标题"}, []byte(in), owned)
			if err != nil {
				t.Fatalf("%q: %v", tc.in, err)
			}
			sane := src.sane != "" && unsafe.StringData(src.sane) == unsafe.StringData(src.Text)
			if sane != tc.sane {
				t.Errorf("readSource(%q, %v): sane %v, want %v", tc.in, owned, sane, tc.sane)
			}
			if sane && unsafe.StringData(src.cleanText()) != unsafe.StringData(src.Text) {
				t.Errorf("readSource(%q, %v): the sane text was sanitized again", tc.in, owned)
			}
		}
	}
	src, _ := readSource(Entry{}, []byte("甲乙丙丁"), true)
	for _, text := range []string{"甲乙\x1b[0m", "甲乙\x1b[0m\x07\x07", src.Text + "\u202e", src.Text[:6] + "\x07"} {
		changed := src
		changed.Text = text
		if got, want := changed.cleanText(), Sanitize(text); got != want {
			t.Errorf("Text changed to %q: text for cleaning %q, want %q", text, got, want)
		}
	}
}

// BenchmarkScanText compares the one pass with the passes it stands for,
// on a crawled article (HTML around Chinese text) and on Chinese text
// alone.
func BenchmarkScanText(b *testing.B) {
	article := []byte(benchArticle(16 << 10))
	chinese := []byte(strings.Repeat(s1+s2+s3+"\n", 100))
	for _, in := range []struct {
		name string
		b    []byte
	}{{"article", article}, {"chinese", chinese}} {
		b.Run(in.name+"/fused", func(b *testing.B) {
			b.SetBytes(int64(len(in.b)))
			for b.Loop() {
				scanText(in.b)
			}
		})
		b.Run(in.name+"/passes", func(b *testing.B) {
			b.SetBytes(int64(len(in.b)))
			s := unsafe.String(&in.b[0], len(in.b))
			for b.Loop() {
				_ = utf8.Valid(in.b) && bytes.IndexByte(in.b[:sniffLen], 0) < 0 && !hasBadRune(in.b[:sniffLen]) &&
					strings.IndexByte(s, '\r') < 0 && firstUnsafe(s, false) == len(s)
			}
		})
	}
}

// firstUnsafe is firstUnsafe(b, false) told by the facts of b: the first
// rune Sanitize changes, or len(b).
func (f textFacts) firstUnsafe(b []byte) int {
	if i := min(f.cr, f.unsafe); i < f.invalid {
		return i
	}
	return f.invalid // an invalid byte becomes U+FFFD
}

// TestReadSourceGB18030 checks readSource on text in GB18030, which the
// sniff of a file of at most sniffLen bytes decodes whole, and on texts
// around that size and with what decodes them otherwise: a byte order
// mark, a UTF-8 rune cut off at the end, a NUL, invalid bytes.
func TestReadSourceGB18030(t *testing.T) {
	body := gb(t, "西郊：5G智慧课堂服务时长翻番\r\n<div>　　近日，厦门设立共享农机平台。</div>\r")
	inputs := []string{
		body, body + "\xe4\xb8", "\xef\xbb\xbf" + body, body + "\x00", body + "\x81\x30", "\x81\x82" + strings.Repeat("\x01", 30),
		"甲乙\xff", "\xd6\xd0", strings.Repeat(body, sniffLen/len(body)+1),
	}
	for n := sniffLen - 3; n <= sniffLen+3; n++ {
		long := strings.Repeat(body, sniffLen/len(body)+1)
		inputs = append(inputs, long[:n])
	}
	for _, in := range inputs {
		checkReadSource(t, []byte(in))
	}
	if _, _, decoded := sniffText([]byte(body), false); !decoded {
		t.Error("a short text in GB18030 is not decoded by the sniff")
	}
}
