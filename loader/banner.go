package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// imageBanner is the text of the middle line of the image banner.
const imageBanner = "这里有图片"

// markLine is what an image banner becomes: a line holding imageMark.
const markLine = string(imageMark) + "\n"

// appendBanners drops line 1 when it repeats the file name, replaces each
// image banner by markLine and blanks lines of dashes, appending s to out
// in pieces, to be read one after the other: the text between the changes
// is never copied.
//
// Only a line whose first byte may start white space, a "-" or the 这 of
// 这里有图片 can start a banner or be a line of dashes (see
// mayStartBanner): any other line is passed over at the speed of the
// search for its end.
func appendBanners(out []string, s string) []string {
	keep := 0 // start of the text kept as it is since the last change
	add := func(end int) {
		if end > keep {
			out = append(out, s[keep:end])
		}
	}
	pos := 0
	if line, next := lineAt(s, 0); hasTxt(strings.TrimSpace(line)) && !strings.Contains(line, "<") {
		pos, keep = next, next
	}
	for pos < len(s) {
		if !mayStartBanner(s[pos]) {
			i := strings.IndexByte(s[pos:], '\n')
			if i < 0 {
				break
			}
			pos += i + 1
			continue
		}
		if n := bannerAt(s, pos); n > 0 {
			add(pos)
			out = append(out, markLine)
			pos, keep = n, n
			continue
		}
		line, next := lineAt(s, pos)
		if dashes(line) >= 10 {
			add(pos)
			keep = pos + len(line) // the line's "\n" stays
		}
		pos = next
	}
	add(len(s))
	return out
}

// mayStartBanner reports whether a line starting with the byte c may be
// the first line of a banner or a line of dashes, which start with white
// space (unicode.IsSpace: ASCII, U+0085, U+00A0, U+1680, U+2000–U+205F,
// U+3000), "-" or, for a banner's middle line alone, 这 (E8 BF 99).
func mayStartBanner(c byte) bool {
	switch c {
	case '-', 0xc2, 0xe1, 0xe2, 0xe3, 0xe8:
		return true
	}
	return c <= ' '
}

// lineAt returns the line starting at pos (without its "\n") and the
// position of the next line.
func lineAt(s string, pos int) (line string, next int) {
	if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
		return s[pos : pos+i], pos + i + 1
	}
	return s[pos:], len(s)
}

// bannerAt reports whether an image banner starts at pos: either three
// lines, dashes / dashes around 这里有图片 / dashes, or the middle line alone
// with at least three dashes. It returns the position after the banner, or
// 0 when there is none.
func bannerAt(s string, pos int) int {
	if end := crawlerBannerAt(s, pos); end > 0 {
		return end
	}
	line, next := lineAt(s, pos)
	if dashes(line) > 0 && next < len(s) {
		mid, after := lineAt(s, next)
		if bannerMiddle(mid) && after < len(s) {
			if last, end := lineAt(s, after); dashes(last) > 0 {
				return end
			}
		}
	}
	if bannerMiddle(line) && strings.Count(line, "-") >= 3 {
		return next
	}
	return 0
}

// crawlerBannerAt returns the position after the image banner at pos when
// it is written as the crawler writes it, each line in ASCII: dashes;
// dashes and spaces around 这里有图片; dashes; each line ending in spaces
// or none. Otherwise it returns 0. bannerAt finds such a banner anyway:
// this tells it in one pass over its bytes, without cutting lines and
// trimming them.
func crawlerBannerAt(s string, pos int) int {
	p := dashLine(s, pos)
	if p < 0 {
		return 0
	}
	p = skipDashes(s, p)
	if !strings.HasPrefix(s[p:], imageBanner) {
		return 0
	}
	p = skipDashes(s, p+len(imageBanner))
	if p >= len(s) || s[p] != '\n' {
		return 0
	}
	return max(dashLine(s, p+1), 0)
}

// skipDashes returns the position of the first byte from p on that is
// neither "-" nor a space, or len(s), reading eight dashes at a time.
func skipDashes(s string, p int) int {
	for p+8 <= len(s) && s[p:p+8] == "--------" {
		p += 8
	}
	for p < len(s) && (s[p] == '-' || s[p] == ' ') {
		p++
	}
	return p
}

// dashLine reads at pos a line of one or more "-" and then spaces, and
// returns the position after it (after its "\n", or the end of s), or -1
// when the line is another one.
func dashLine(s string, pos int) int {
	p := pos
	for p+8 <= len(s) && s[p:p+8] == "--------" {
		p += 8 // one load and one comparison
	}
	for p < len(s) && s[p] == '-' {
		p++
	}
	if p == pos {
		return -1
	}
	for p < len(s) && s[p] == ' ' {
		p++
	}
	switch {
	case p == len(s):
		return p
	case s[p] == '\n':
		return p + 1
	}
	return -1
}

// dashes returns the number of "-" of a line made only of dashes and
// surrounding whitespace, or 0 for any other line.
func dashes(line string) int {
	t := strings.TrimSpace(line)
	if t == "" || strings.Trim(t, "-") != "" {
		return 0
	}
	return len(t)
}

// bannerMiddle reports whether line holds 这里有图片 with nothing else but
// dashes and whitespace around it.
func bannerMiddle(line string) bool {
	// A first character other than white space, "-" or the 这 of 这里有图片
	// stays whatever is removed around it: most lines are told by it
	// without a search.
	if r, _ := utf8.DecodeRuneInString(line); r != '-' && r != '这' && !unicode.IsSpace(r) {
		return false
	}
	// The middle line as the crawler writes it, 这里有图片 between runs of
	// "-" and " ", is told without a copy.
	if rest, ok := strings.CutPrefix(strings.TrimLeft(line, "- "), imageBanner); ok && strings.Trim(rest, "- ") == "" {
		return true
	}
	if !strings.Contains(line, imageBanner) {
		return false
	}
	rest := strings.ReplaceAll(line, imageBanner, "")
	return strings.Trim(strings.TrimSpace(rest), "- \t\u00a0\u3000") == ""
}
