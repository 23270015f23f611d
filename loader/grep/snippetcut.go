package grep

import (
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// Where snippetPlain cuts the plain text before and after a match: the
// cut between two characters falls between two words when either is one
// of hardLone; elsewhere the run of letters, digits and marks it falls in
// is segmented alone (see snippetplain.go).

// plainCutBefore returns where the text kept before a match at start
// begins when at most w columns of it are kept, as cutStart would: the
// plain text there has been walked by plainBefore and is wider than w.
// The text before the match starts at lo at the earliest. ok is false
// when the words around the cut could not be told.
func plainCutBefore(text string, lo, start, w int, cond *runewidth.Condition) (from int, ok bool) {
	p, used := start, 0
	for {
		n, cw := plainRuneBefore(cond, text, p)
		if used+cw > w {
			break
		}
		used += cw
		p -= n
	}
	if p == start || hardBefore(text, p) || hardAt(text, p) {
		return p, true
	}
	// keep the words of the run of letters, digits and marks that p
	// cuts which start at p or after, or if its last one ends the text
	// and is too wide, the characters that fit
	h1, h2, ok := softRun(text, lo, start, p)
	if !ok {
		return 0, false
	}
	q := h1
	for state, rest := -1, text[h1:h2]; q < p; {
		var word string
		word, rest, state = uniseg.FirstWordInString(rest, state)
		q += len(word)
	}
	if q == start {
		return p, true
	}
	return q, true
}

// plainCutAfter is plainCutBefore for the text after a match that ends at
// end: it returns where the text kept after it ends, as cutEnd would.
// The text after the match ends at hi at the latest.
func plainCutAfter(text string, end, hi, w int, cond *runewidth.Condition) (to int, ok bool) {
	p, used := end, 0
	for {
		n, cw := plainRune(cond, text[p:])
		if used+cw > w {
			break
		}
		used += cw
		p += n
	}
	if p == end || hardBefore(text, p) || hardAt(text, p) {
		return p, true
	}
	// keep the words of the run that p cuts which end at p or before,
	// or if its first one starts the text and is too wide, the
	// characters that fit
	h1, h2, ok := softRun(text, end, hi, p)
	if !ok {
		return 0, false
	}
	r := h1
	for state, rest, q := -1, text[h1:h2], h1; q <= p; {
		r = q
		if rest == "" {
			break
		}
		var word string
		word, rest, state = uniseg.FirstWordInString(rest, state)
		q += len(word)
	}
	if r == end {
		return p, true
	}
	return r, true
}

// hardAt reports whether the character at i is one that hardLone
// accepts; hardBefore, the character that ends at i.
func hardAt(text string, i int) bool {
	return loneRuneLen(text[i:]) > 0 && hardLone(text[i:])
}

func hardBefore(text string, i int) bool {
	return i >= 3 && hardAt(text[:i], i-3)
}

// softRun returns the run [h1, h2) of plain characters that hardLone
// does not accept around i, within [lo, hi): letters, digits, ASCII
// punctuation, ，：；. ok is set when it is all the text between two
// characters that hardLone accepts, lo, hi or line ends: then UAX #29
// breaks it into words as it breaks the whole text (TestSoftRunAlone).
func softRun(text string, lo, hi, i int) (h1, h2 int, ok bool) {
	h1, h2 = i, i
	for h1 > lo {
		if c := text[h1-1]; c > ' ' && c < 0x7f {
			h1--
		} else if h1-3 >= lo && loneRuneLen(text[h1-3:h1]) > 0 && !hardLone(text[h1-3:]) {
			h1 -= 3
		} else {
			break
		}
	}
	for h2 < hi {
		if c := text[h2]; c > ' ' && c < 0x7f {
			h2++
		} else if loneRuneLen(text[h2:hi]) > 0 && !hardLone(text[h2:]) {
			h2 += 3
		} else {
			break
		}
	}
	ok = (lineStart(text, lo, h1) || h1-3 >= lo && hardAt(text[:h1], h1-3)) &&
		(lineEnd(text, h2, hi) || hardAt(text[:hi], h2))
	return h1, h2, ok
}

// hardLone reports whether the character of loneRuneLen that s starts
// with is a word boundary on both sides in any plain text: all but the
// full-width comma, semicolon and colon, which join digits or letters.
func hardLone(s string) bool {
	if s[0] == 0xef && s[1] == 0xbc {
		switch s[2] {
		case 0x8c, 0x9a, 0x9b: // ，：；
			return false
		}
	}
	return true
}
