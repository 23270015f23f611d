package loader

import (
	"strings"
	"testing"
)

// tagKindOf must give every name the kind the table below, which it
// replaced, gives the name lowered as the tokenizer lowers it.

// tagKinds is the kind of every element Clean treats apart from inline
// ones, by its name in lower case.
var tagKinds = map[string]tagKind{
	"address": tagBlock, "article": tagBlock, "aside": tagBlock,
	"blockquote": tagBlock, "body": tagBlock, "br": tagBlock,
	"caption": tagBlock, "center": tagBlock, "dd": tagBlock,
	"details": tagBlock, "dialog": tagBlock, "dir": tagBlock,
	"div": tagBlock, "dl": tagBlock, "dt": tagBlock,
	"fieldset": tagBlock, "figcaption": tagBlock, "figure": tagBlock,
	"footer": tagBlock, "form": tagBlock, "head": tagBlock,
	"header": tagBlock, "hgroup": tagBlock, "hr": tagBlock,
	"html": tagBlock, "legend": tagBlock, "li": tagBlock,
	"listing": tagBlock, "main": tagBlock, "menu": tagBlock,
	"nav": tagBlock, "ol": tagBlock, "option": tagBlock,
	"p": tagBlock, "pre": tagBlock, "section": tagBlock,
	"select": tagBlock, "summary": tagBlock, "table": tagBlock,
	"tbody": tagBlock, "td": tagBlock, "tfoot": tagBlock,
	"th": tagBlock, "thead": tagBlock, "tr": tagBlock,
	"ul": tagBlock,

	"h1": tagHeading, "h2": tagHeading, "h3": tagHeading,
	"h4": tagHeading, "h5": tagHeading, "h6": tagHeading,

	"img": tagImage, "image": tagImage,

	// The title of a whole HTML page repeats the file name or names the
	// site: it is not part of the article.
	"script": tagSkip, "style": tagSkip, "title": tagSkip,

	"iframe": tagText, "noembed": tagText, "noframes": tagText,
	"noscript": tagText, "plaintext": tagText, "textarea": tagText,
	"xmp": tagText,
}

// lowerName returns name in ASCII lower case as the tokenizer's TagName
// does, for looking up tagKinds.
func lowerName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func checkTagKind(t *testing.T, name string) {
	t.Helper()
	if got, want := tagKindOf(name), tagKinds[lowerName(name)]; got != want {
		t.Fatalf("tagKindOf(%q) = %d, want %d", name, got, want)
	}
}

var tagKindSeeds = []string{
	"", "a", "b", "span", "font", "P", "Div", "DIV", "dIv", "H1", "h7", "h0", "BlockQuote", "blockquotes",
	"figcaptio", "PLAINTEXT", "plaintexts", "noscrip", "img", "IMAGE", "images", "xmp", "TextArea",
	"d\x00v", "di\x00", "div\x00", "\xc4\xb0mg", "ımg", "K", "ſcript", "h1\u200b", strings.Repeat("div", 6),
}

func TestTagKindOf(t *testing.T) {
	for name, kind := range tagKinds {
		for _, n := range []string{name, strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:]} {
			if got := tagKindOf(n); got != kind {
				t.Errorf("tagKindOf(%q) = %d, want %d", n, got, kind)
			}
		}
		// one letter more, one less, one changed: an inline element
		for _, n := range []string{name + "x", name[:len(name)-1], name[:len(name)-1] + "\x00"} {
			checkTagKind(t, n)
		}
	}
	for _, name := range tagKindSeeds {
		checkTagKind(t, name)
	}
}

func FuzzTagKindOf(f *testing.F) {
	for _, name := range tagKindSeeds {
		f.Add(name)
	}
	for name := range tagKinds {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, name string) {
		checkTagKind(t, name)
	})
}
