package loader

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/net/html"
)

// scanTags must build the blocks the HTML tokenizer gives, whenever it
// does not leave the text to the tokenizer.

var scanTagSeeds = []string{
	"<div><span style='font-size:16px;line-height:25px'> \u3000\u3000正文。</span></div><div>&nbsp;</div>",
	"<p>甲</p><P CLASS=x>乙</P><br/>丙<BR>丁<img src=\"a.jpg\"/>戊",
	"<h2 id=t>标题</h2>正文<h3>小</h3>",
	"a < b <3 <> <<b>c</b> <1>",
	"</> <//> </ x> </3> <?xml version=\"1.0\"?> x",
	"<a href='x>y'>q</a><a href=\"x>y\">r</a><a href=x>y>s</a>",
	"<a /='>'>t</a><a b=/>u</a><a =b>v</a><a b = 'c' d>w</a><a\tb\n=\fc>x</a>",
	"<a b='", "<a b=\"x", "<a b=", "<a b", "<a ", "<a", "<", "a</", "a</x", "a</ x", "a<?x", "x</a b='>",
	"<div>&ldquo;冰灯&rdquo; &amp;amp; &#20013;&#x6587 &notit; &</div>",
	"<div>甲乙 x&mdash;丙&ldquo;丁&rdquo;</div><p>a &nbsp; b\u3000&#x3000;c</p><p>\u3000\u3000&#27;&#x202e;z&#0;</p>",
	"<p>&amp;lt;&amp;amp;&ampx;&nbsp&nbsp;;&mdash&mdash;&mdash;x&hellip;&hellip&middot;&middot;&;&lt;&gt&gt;</p><p>&nbsp;\n\n&nbsp;a</p>",
	"<div>一\n二</div><div>three\nfour</div><div>五\n\n六</div><div>七\n\u3000八</div>",
	"\x00\n<div>甲</div>\x00\n乙",
	"<textarea><b>x</b></textarea>", "<script>var a = '<p>';</script>b", "<style>p{}</style>c", "<title>t</title>d",
	"<!-- c -->x", "<!DOCTYPE html><html><body>x</body></html>", "<xmp>a</xmp>", "<TITLE>t</TITLE>",
	"<iframe>i</iframe>", "<noscript>n</noscript>", "<plaintext>p", "<scriptx>s</scriptx>",
	"<center>甲</center><li>乙<li>丙<tr><td>丁</td></tr>",
	"<verylongtagnamebeyondsixteen>a</verylongtagnamebeyondsixteen>b",
	"<div\u00a0x>a</div\u3000>b<d\xffv>c",
	// a long start tag again (read from memory), then tags that start
	// with the same bytes but end elsewhere or differ at the end
	"<div><span style='font-size:16px;margin-top:15px'>甲</span></div><div><span style='font-size:16px;margin-top:15px'>乙</span></div>" +
		"<span style='font-size:16px;margin-top:15px' >丙</span><span style='font-size:16px;margin-top:15px'x>丁" +
		"<span style='font-size:16px;margin-top:15px>'>戊<span style='font-size:16px;margin-top:15px'>",
	"<h1 class='a-very-long-class-name'>甲</h1><h1 class='a-very-long-class-name'>乙</h1><h1 class='a-very-long-class-name'",
	// the tags commonTag tells, and what starts like them
	"<div>a</div>b</span>c<div >d</div\n>e</span >f<DIV>g</DIV>h</SPAN>i<divx>j</divx>k</spanx>l<div/>m</div/>n<div>",
	"x</div>", "x</span>", "x<div>ab", "</span>abc", "</div></div></span></span><div><div>",
}

// scanTagSamples returns the article files of the sample collections.
func scanTagSamples(t testing.TB) []string {
	var out []string
	for _, root := range []string{"../testdata/collection", "../testdata/hostile"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !d.Type().IsRegular() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			s, _ := Decode(b)
			out = append(out, s)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d samples", len(out))
	}
	return out
}

// checkScanTags compares scanTags with tokenize on s cleaned as Clean
// cleans it, and reports whether scanTags took the text.
func checkScanTags(t *testing.T, s string) bool {
	t.Helper()
	pieces := markBanners(Sanitize(normalizeNewlines(s)))
	got, ok := scanTags(pieces)
	if !ok {
		return false
	}
	if want := tokenize(pieces); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
	}
	return true
}

// checkScanTagsSplit compares scanTags with tokenize on s cut in two at
// every byte: a tag, a reference or a text that runs from one piece into
// the next must come out as the tokenizer reads it.
func checkScanTagsSplit(t *testing.T, s string) {
	t.Helper()
	for k := 1; k < len(s); k++ {
		pieces := []string{s[:k], s[k:]}
		got, ok := scanTags(pieces)
		if !ok {
			continue
		}
		if want := tokenize(pieces); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", pieces, got, want)
		}
	}
}

func TestScanTagsSameAsTokenizer(t *testing.T) {
	taken := 0
	for _, s := range scanTagSeeds {
		if checkScanTags(t, s) {
			taken++
		}
		checkScanTagsSplit(t, Sanitize(s))
	}
	for _, tc := range cleanCases {
		checkScanTags(t, tc.in)
	}
	for _, s := range scanTagSamples(t) {
		checkScanTags(t, s)
	}
	if taken < len(scanTagSeeds)/2 {
		t.Fatalf("scanTags took only %d of %d seeds", taken, len(scanTagSeeds))
	}
}

// TestScanTagsTakesArticles checks that the markup of typical articles is
// read without the tokenizer, and what is left to it.
func TestScanTagsTakesArticles(t *testing.T) {
	for _, s := range []string{
		nameLine + banner + body(s1, s2),
		"<div><span style='font-size:16px;margin-top:15px;line-height:25px;text-indent:30px'> \u3000\u3000正文。</span></div><div>&nbsp;</div>",
		"<p>甲<br/>乙<img src=a.jpg></p><h1>丙</h1>",
	} {
		if !checkScanTags(t, s) {
			t.Errorf("left to the tokenizer: %q", s)
		}
	}
	for _, s := range []string{"<!-- x -->", "a<script>b</script>", "<Style>", "<textarea>", "<TITLE>", "<xmp>"} {
		if _, ok := scanTags([]string{s}); ok {
			t.Errorf("taken, not left to the tokenizer: %q", s)
		}
	}
}

func FuzzScanTags(f *testing.F) {
	for _, s := range scanTagSeeds {
		f.Add(s)
	}
	for _, tc := range cleanCases {
		f.Add(tc.in)
	}
	for _, s := range scanTagSamples(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			return
		}
		checkScanTags(t, s)
		if len(s) <= 1<<10 {
			checkScanTagsSplit(t, Sanitize(normalizeNewlines(s)))
		}
		// the same with every byte of markup moved a little
		checkScanTags(t, strings.NewReplacer("'", "\"", ">", " >", "=", " = ").Replace(s))
	})
}

// TestCleanKeepsNoCopyOfTheText checks that cleaning an article in two
// pieces (its banner, then a one-line body of 4 MB) allocates less than
// half the text's size beyond the blocks it returns (the slices' growth,
// the size classes of the strings): the pieces are read in place, not joined
// into a copy of the whole text, which for a 50 MB one-line article added
// its size to the reader's peak memory.
func TestCleanKeepsNoCopyOfTheText(t *testing.T) {
	text := benchArticle(4 << 20)
	if n := len(markBanners(Sanitize(normalizeNewlines(text)))); n < 2 {
		t.Fatalf("%d pieces, want the banner and the text around it", n)
	}
	Clean(text) // warm up the maps and pools
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	blocks := Clean(text)
	runtime.ReadMemStats(&after)
	kept := cap(blocks) * int(unsafe.Sizeof(Block{}))
	for _, b := range blocks {
		kept += len(b.Text)
	}
	allocated := int(after.TotalAlloc - before.TotalAlloc)
	if slack := len(text) / 2; allocated > kept+slack {
		t.Fatalf("cleaning %d bytes allocated %d bytes for %d bytes of blocks (more than %d over them)",
			len(text), allocated, kept, slack)
	}
}

// The tokenizer reads the content of these start tags as raw text (see
// its readStartTag): scanTags leaves every text holding one of them to
// the tokenizer, which it knows by their kind.
func TestRawTextTagsLeftToTokenizer(t *testing.T) {
	for _, name := range []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"} {
		if kind := tagKindOf(strings.ToUpper(name)); kind != tagSkip && kind != tagText {
			t.Errorf("tag %s is of kind %d, want tagSkip or tagText", name, kind)
		}
		if _, ok := scanTags([]string{"<" + name + ">a<b>c</b></" + name + ">"}); ok {
			t.Errorf("scanTags read the content of a %s tag", name)
		}
	}
}

// TestTagBytes checks the byte classes of readTag against the comparisons
// they stand for, the tokenizer's.
func TestTagBytes(t *testing.T) {
	for i := range 256 {
		c := byte(i)
		space := c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
		want := map[uint8]bool{
			isSpace:   space,
			endsName:  space || c == '/' || c == '>',
			endsKey:   space || c == '/' || c == '>' || c == '=',
			endsValue: space || c == '>',
		}
		for class, w := range want {
			if got := tagBytes[c]&class != 0; got != w {
				t.Errorf("byte %#02x in class %d: %v, want %v", c, class, got, w)
			}
		}
	}
}

// textToken decodes the frequent references itself and reads the rest as
// sanitized text: it must build what decoding the whole text with
// html.UnescapeString and reading it rune by rune builds.

var textTokenSeeds = []string{
	"", "&nbsp;", "a&nbsp;b", "&amp;lt;", "&amp;amp;", "&ampx;", "&nbsp&nbsp;;", "&mdash&mdash;&mdash;x",
	"&hellip;&hellip&middot;", "&;&lt;&gt&gt;", "&", "x&", "&#20013;&ldquo;引&rdquo;", "&NBSP;&Nbsp;", "&nbsp;&#x202e;&#27;",
	"\u3000\u3000正文&mdash;&mdash;正文。&ldquo;", " &nbsp; \n\n&nbsp;a", "&notit;&not;&no", "&lt;p&gt;",
}

func checkTextToken(t *testing.T, s string) {
	t.Helper()
	s = Sanitize(s)
	var got, want blockBuilder
	got.textToken(s)
	got.flush()
	want.text([]byte(html.UnescapeString(s)))
	want.flush()
	if !reflect.DeepEqual(got.blocks, want.blocks) {
		t.Fatalf("%q:\n got %+v\nwant %+v", s, got.blocks, want.blocks)
	}
}

func TestTextTokenAsUnescapeString(t *testing.T) {
	for _, s := range textTokenSeeds {
		checkTextToken(t, s)
		checkTextToken(t, "甲"+s+"乙")
	}
	for ref := range commonRefs {
		for _, s := range []string{ref, ref + ref, "x" + ref + "y", ref[:len(ref)-1], ref + ";", ref[:len(ref)-1] + "x;"} {
			checkTextToken(t, s)
		}
	}
}

func FuzzTextToken(f *testing.F) {
	for _, s := range textTokenSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTextToken(t, s)
	})
}

// TestCommonTagWords checks the numbers commonTag compares eight bytes
// with.
func TestCommonTagWords(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		word uint64
	}{{"<div>", divOpen}, {"</div>", divClose}, {"</span>", spanClose}} {
		var b [8]byte
		copy(b[:], tc.tag)
		if got := binary.LittleEndian.Uint64(b[:]); got != tc.word {
			t.Errorf("%q reads as %#x, not %#x", tc.tag, got, tc.word)
		}
	}
}

// TestCommonTagAsReadTag checks commonTag against readTag and tagKindOf:
// each tag it tells, followed by any byte, and the texts that differ from
// one of them in a byte, at the end of the text or not.
func TestCommonTagAsReadTag(t *testing.T) {
	var inputs []string
	for _, tag := range []string{"<div>", "</div>", "</span>"} {
		for i := 0; i < len(tag); i++ {
			for c := range 256 {
				b := []byte(tag + "甲乙")
				b[i] = byte(c)
				inputs = append(inputs, string(b))
			}
		}
		for _, tail := range []string{"", "a", "ab", "abc", " x>", "\n", "<", ">"} {
			inputs = append(inputs, tag+tail)
		}
	}
	told := 0
	for _, s := range inputs {
		kind, end := commonTag(s, 0)
		if end < 0 {
			continue
		}
		told++
		i := 1
		if s[i] == '/' {
			i++
		}
		name, want := readTag(s, i)
		if end != want || kind != tagKindOf(name) {
			t.Errorf("commonTag(%q) = %v, %d; readTag gives %q (%v), %d", s, kind, end, name, tagKindOf(name), want)
		}
	}
	for _, s := range []string{"<div>甲", "</div>甲", "</span>甲"} {
		if _, end := commonTag(s, 0); end < 0 {
			t.Errorf("commonTag(%q) does not tell it", s)
		}
	}
	if told == 0 {
		t.Error("commonTag told nothing")
	}
}
