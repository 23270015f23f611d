package loader

// tagKind tells how Clean treats an element.
type tagKind uint8

const (
	tagInline  tagKind = iota // no effect on paragraphs
	tagBlock                  // ends the current paragraph
	tagHeading                // h1–h6
	tagImage                  // an image placeholder
	tagSkip                   // content dropped (script, style, title)
	tagText                   // the tokenizer would read raw text: parse it as HTML
)

// maxTagName is the length of the longest name tagKindOf knows.
const maxTagName = len("blockquote")

// tagKindOf returns the kind of the element named name, in any ASCII case
// (the tokenizer's TagName lowers A–Z, nothing else). Every name not
// listed is inline. The name is lowered on the stack and looked up by a
// switch, which the compiler makes a jump on the length and a few
// comparisons: no map, no hashing, no copy on the heap.
func tagKindOf(name string) tagKind {
	// the two names nearly every article is made of, as it writes them
	switch name {
	case "div":
		return tagBlock
	case "span":
		return tagInline
	}
	if len(name) > maxTagName {
		return tagInline
	}
	var buf [maxTagName]byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(name)]) {
	case "address", "article", "aside", "blockquote", "body", "br",
		"caption", "center", "dd", "details", "dialog", "dir",
		"div", "dl", "dt", "fieldset", "figcaption", "figure",
		"footer", "form", "head", "header", "hgroup", "hr",
		"html", "legend", "li", "listing", "main", "menu",
		"nav", "ol", "option", "p", "pre", "section",
		"select", "summary", "table", "tbody", "td", "tfoot",
		"th", "thead", "tr", "ul":
		return tagBlock
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return tagHeading
	case "img", "image":
		return tagImage
	case "script", "style", "title":
		// The title of a whole HTML page repeats the file name or
		// names the site: it is not part of the article.
		return tagSkip
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "textarea", "xmp":
		return tagText
	}
	return tagInline
}
