package loader

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// The pieces markBanners returns, read without the tokenizer when there
// is no markup, must give the blocks the tokenizer gives.

var plainSeeds = []string{
	"",
	"1标题.txt\n----------\n---这里有图片---\n----------\n　　正文第一段。\n\n　　第二段 &amp; &lt;b&gt; &#20013;&#x6587; &nbsp;x &copy &notit; &#0; &#x110000;\n",
	"a\n\n\nb\n　c",
	"&amp\n&\n&#\n&#x\n&ampfoo;",
	"\x00\n甲\u2028乙\u2029丙\u00a0丁\t\t戊",
	"1a.txt\n" + strings.Repeat("-", 20) + "\nx\n" + strings.Repeat("-", 12) + "\n",
}

func checkPlainSame(t *testing.T, s string) {
	t.Helper()
	if strings.Contains(s, "<") {
		return
	}
	s = Sanitize(normalizeNewlines(s))
	pieces := markBanners(s)
	got, want := parseHTML(pieces), tokenize(pieces)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
	}
}

func TestPlainTextWithoutTokenizer(t *testing.T) {
	for _, s := range plainSeeds {
		checkPlainSame(t, s)
	}
}

func FuzzPlainTextWithoutTokenizer(f *testing.F) {
	for _, s := range plainSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		checkPlainSame(t, s)
	})
}

// TestMarkBannersPieces checks that the pieces joined are the text the
// banners were marked in, and that the text between changes is not copied.
func TestMarkBannersPieces(t *testing.T) {
	body := strings.Repeat("正文", 1000)
	s := "1标题.txt\n" + strings.Repeat("-", 30) + "\n---这里有图片---\n" + strings.Repeat("-", 30) + "\n" + body
	got := markBanners(s)
	if strings.Join(got, "") != markLine+body {
		t.Fatalf("pieces %q", got)
	}
	if last := got[len(got)-1]; len(last) != len(body) || unsafe.StringData(last) != unsafe.StringData(s[len(s)-len(body):]) {
		t.Errorf("the body was copied")
	}
}

// TestOwnedSourceBytes checks that a read buffer used in place decodes as
// a copied one does.
func TestOwnedSourceBytes(t *testing.T) {
	big := strings.Repeat("正文 text\r\n", 2000)
	for _, s := range []string{"", "short", big, "\xef\xbb\xbf" + big, big + "\xff", "\x00" + big, big + "\x00",
		"short\r\nlines", "\x00", "a\x01b", "\xff\xfea\x00", "\xfe\xff\x00a", "\xef\xbb\xbfshort", "甲\ufffd乙"} {
		want, werr := sourceBytes(Entry{Title: "t"}, []byte(s))
		got, gerr := ownedSourceBytes(Entry{Title: "t"}, []byte(s))
		if got != want || gerr != werr {
			t.Errorf("%.20q…: got %.20q %v %v, want %.20q %v %v", s, got.Text, got.Encoding, gerr, want.Text, want.Encoding, werr)
		}
	}
}

func FuzzOwnedSourceBytes(f *testing.F) {
	f.Add([]byte("short\r\n甲\ufffd"))
	f.Add([]byte("\xef\xbb\xbfa\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		want, werr := sourceBytes(Entry{Title: "t"}, b)
		got, gerr := ownedSourceBytes(Entry{Title: "t"}, append([]byte(nil), b...))
		if got != want || gerr != werr {
			t.Fatalf("%q: got %q %v %v, want %q %v %v", b, got.Text, got.Encoding, gerr, want.Text, want.Encoding, werr)
		}
	})
}

// runeByRune is blockBuilder.text without the run fast path.
func runeByRune(pieces ...string) []Block {
	var b blockBuilder
	for _, p := range pieces {
		for _, r := range p {
			b.textRune(r)
		}
	}
	b.flush()
	return b.blocks
}

func byRuns(pieces ...string) []Block {
	var b blockBuilder
	for _, p := range pieces {
		b.text([]byte(p))
	}
	b.flush()
	return b.blocks
}

var runSeeds = []string{
	"", "abc def", "  中文　开头\n第二行\n\n段落", "甲\n乙", "abc\ndef", "a\n　b", "\x00图\u00a0x", "一\u4dff\u4e00\u9fff\ua000丁",
	"\xe4\xb8", "\xe9\xbf\xbf\xe4\xb7\xbf", "x\u200ey\u2028z", "end  ",
	"\u3000\u3000下一步，协会将建立长效机制。“家门口就能享受这样的服务。”——记者…",
	"a\u3164b\u200bc\ufeffd\ufffde\u2027\u2028\u2010\u1000\u1fff\ue000\uffff",
	" \u00a0\u3000\u1680甲 \u3000乙\n\u3000丙\n\n\u00a0丁", "\u1680x", "\u00a0\u00a0", "\u3000\xe3\x80", "\xc2\u3000\xe1\x9a",
	"\t\n \u2028\u3000\u2029x\u2029\u2029y", "\x00\u3000甲\x00\u00a0", "\u205f\u2003甲\u2003\u2003乙",
}

func TestTextRunsAsRuneByRune(t *testing.T) {
	for _, s := range runSeeds {
		for cut := 0; cut <= len(s); cut++ {
			got, want := byRuns(s[:cut], s[cut:]), runeByRune(s[:cut], s[cut:])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q | %q:\n got %+v\nwant %+v", s[:cut], s[cut:], got, want)
			}
		}
	}
}

// TestTextRunsEveryThreeBytes tries every character of three bytes inside
// a started block, alone and at a block's start.
func TestTextRunsEveryThreeBytes(t *testing.T) {
	for r := rune(0x800); r <= 0xffff; r++ {
		for _, s := range []string{"甲" + string(r) + "乙", string(r) + "x", " 甲 " + string(r) + string(r)} {
			if got, want := byRuns(s), runeByRune(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
			}
		}
	}
}

func FuzzTextRuns(f *testing.F) {
	for _, s := range runSeeds {
		f.Add(s, len(s)/2)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		cut = max(0, min(len(s), cut))
		got, want := byRuns(s[:cut], s[cut:]), runeByRune(s[:cut], s[cut:])
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q | %q:\n got %+v\nwant %+v", s[:cut], s[cut:], got, want)
		}
	})
}

// bannerMiddleSearch is bannerMiddle without its look at the first
// character.
func bannerMiddleSearch(line string) bool {
	if !strings.Contains(line, imageBanner) {
		return false
	}
	rest := strings.ReplaceAll(line, imageBanner, "")
	return strings.Trim(strings.TrimSpace(rest), "- \t\u00a0\u3000") == ""
}

var bannerLines = []string{
	"", "-", "这里有图片", "---这里有图片---", " \u3000-这里有图片-\u00a0", "这里有图片这里有图片",
	"这这里有图片", "这里有图片x", "<div>这里有图片</div>", "\v这里有图片", "\u2003--这里有图片", "x---这里有图片",
	"- -这里有图片- - ", "--这里有图片x", "--这里有图片--这里有图片", "--这里有图片-\u3000", "-这里有\n图片", "- 这里有图片\u00a0-",
}

func TestBannerMiddleFirstCharacter(t *testing.T) {
	for _, line := range bannerLines {
		if got, want := bannerMiddle(line), bannerMiddleSearch(line); got != want {
			t.Errorf("bannerMiddle(%q) = %v, want %v", line, got, want)
		}
	}
}

func FuzzBannerMiddle(f *testing.F) {
	for _, line := range bannerLines {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := bannerMiddle(line), bannerMiddleSearch(line); got != want {
			t.Fatalf("bannerMiddle(%q) = %v, want %v", line, got, want)
		}
	})
}
