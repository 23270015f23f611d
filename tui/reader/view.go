package reader

import (
	"fmt"
	"strings"

	"newsbrowse/loader"
	"newsbrowse/tui/plural"
	"newsbrowse/tui/wrap"
)

// View renders the reader: the text rows on screen, then the status line
// (or the search prompt). Every row is exactly m.width columns wide.
func (m Model) View() string {
	var b strings.Builder
	h := m.bodyHeight()
	b.Grow(2 * m.width * (h + 1)) // Chinese text: 3 bytes for 2 columns, and styles
	d := m.shown()
	tw := m.textWidth()
	margin := max(0, (m.width-tw)/2)
	pad := strings.Repeat(" ", margin)
	for row := 0; row < h; row++ {
		i := m.top + row
		switch {
		case row == 0 && m.showSrc && !d.loaded:
			b.WriteString(wrap.Fit(pad+"loading source…", m.width, m.cond))
		case i < len(d.lines):
			l := d.lines[i]
			text, kind := d.text(l)
			used := margin + wrap.Width(text, m.cond)
			b.WriteString(pad)
			b.WriteString(m.renderLine(text, int(l.a), kind))
			if rest := m.width - used; rest > 0 {
				b.WriteString(strings.Repeat(" ", rest))
			}
		case i == len(d.lines)+1 && !m.showSrc && len(d.blocks) == 1 && d.atEnd():
			// only the title: say so rather than show a blank page
			b.WriteString(m.styles.Dim.Render(wrap.Fit(pad+"(this article has no text)", m.width, m.cond)))
		default:
			b.WriteString(strings.Repeat(" ", m.width))
		}
		b.WriteByte('\n')
	}
	if m.prompt.IsOpen() {
		b.WriteString(m.promptLine())
	} else {
		b.WriteString(m.statusLine())
	}
	return b.String()
}

// renderLine styles one wrapped line, text at flat offset off in a block
// of kind, highlighting the search matches that overlap it (a match split
// over two lines is highlighted on both).
func (m Model) renderLine(text string, off int, kind loader.BlockKind) string {
	base := m.styles.Body
	switch kind {
	case loader.Heading:
		base = m.styles.Heading
	case loader.Image:
		base = m.styles.Image
	}
	if text == "" {
		return ""
	}
	a, b := off, off+len(text)
	i, j := m.search.matchesIn(a, b)
	if i == j {
		return base.Render(text)
	}
	var out strings.Builder
	pos := a
	for k := i; k < j; k++ {
		s, e := max(m.search.matches[k][0], a), min(m.search.matches[k][1], b)
		if s > pos {
			out.WriteString(base.Render(text[pos-a : s-a]))
		}
		st := m.styles.Match
		if k == m.search.cur {
			st = m.styles.Current
		}
		out.WriteString(st.Render(text[s-a : e-a]))
		pos = e
	}
	if pos < b {
		out.WriteString(base.Render(text[pos-a:]))
	}
	return out.String()
}

// statusLine shows the article, the position and the search state.
func (m Model) statusLine() string {
	d := m.shown()
	h := m.bodyHeight()
	total := len(d.lines)
	var right []string
	if m.showSrc {
		right = append(right, "SOURCE")
	}
	if m.partial {
		right = append(right, "cleaning…")
	}
	if m.marked {
		right = append(right, "★")
	}
	if m.search.query != "" {
		n := len(m.search.matches)
		switch {
		case m.search.searching:
			right = append(right, fmt.Sprintf("/%s searching…", m.search.query))
		case n == 0:
			right = append(right, fmt.Sprintf("/%s: no match", m.search.query))
		case m.search.cur >= 0:
			right = append(right, fmt.Sprintf("/%s %d/%d", m.search.query, m.search.cur+1, n))
		default:
			right = append(right, "/"+m.search.query+" "+plural.N(n, "match", "matches"))
		}
	}
	switch {
	case m.partial && !m.showSrc:
		// the first part of a huge article: how far it goes is not
		// known until the whole is cleaned
	case !d.full() && len(d.flat) > 0:
		// a huge article still being laid out: the line numbers are not
		// known yet, the share of the text is
		end := d.offsetOf(m.top + h)
		if m.top+h >= len(d.lines) && d.atEnd() {
			end = len(d.flat)
		}
		right = append(right, fmt.Sprintf("%3d%%", min(100, end*100/len(d.flat))))
	default:
		pct := 100
		if total > h {
			pct = min(100, (m.top+h)*100/total)
		}
		right = append(right, fmt.Sprintf("%d/%d %3d%%", min(m.top+1, total), total, pct))
	}
	rightText := strings.Join(right, "  ") + " "
	rightText = wrap.Truncate(rightText, max(0, m.width-1), m.cond)
	rw := wrap.Width(rightText, m.cond)
	// The position and share change at every line scrolled: drawn in the
	// terminal's own colours, as less draws its prompt, a j rewrites
	// their changed digits alone, without the bar's colours before them
	// and a reset after.
	pos := right[len(right)-1] + " "
	keyText := strings.TrimSuffix(rightText, pos)
	if len(keyText) == len(rightText) {
		keyText, pos = rightText, "" // cut: no room for the whole position
	}

	left := " "
	if m.entry.Prefix != "" {
		left += m.entry.Prefix + " "
	}
	left += m.entry.Title
	lst := m.styles.Status
	if m.notice != "" {
		left = " " + loader.SanitizeLine(m.notice)
		lst = m.styles.Notice
	}
	// a cut title keeps a space before the numbers
	leftText := wrap.Fit(left, max(0, m.width-rw), m.cond)
	if room := m.width - rw; room > 1 && wrap.Width(left, m.cond) >= room {
		leftText = wrap.Fit(left, room-1, m.cond) + " "
	}
	if keyText != "" {
		keyText = m.styles.StatusKey.Render(keyText)
	}
	return lst.Render(leftText) + keyText + pos
}

// promptLine is the search prompt with the live match count.
func (m Model) promptLine() string {
	count := ""
	if m.search.query != "" {
		if n := len(m.search.matches); m.search.searching {
			count = "searching… "
		} else if n == 0 {
			count = "no match "
		} else {
			count = plural.N(n, "match", "matches") + " "
		}
	}
	count = wrap.Truncate(count, max(0, m.width-8), m.cond)
	cw := wrap.Width(count, m.cond)
	return m.prompt.View(m.width-cw, m.cond) + m.styles.Dim.Render(count)
}
