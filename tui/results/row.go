package results

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"newsbrowse/tui/wrap"
)

// row renders hit i on screen row row: number, title and sub-folder on the
// left, the snippet with its match highlighted, the count on the right.
func (m Model) row(i, row int) string {
	if i >= len(m.hits) {
		if row == 0 && !m.running {
			return m.styles.Dim.Render(wrap.Fit(" No article contains “"+m.query+"”.", m.width, m.cond))
		}
		return strings.Repeat(" ", m.width)
	}
	h := m.hits[i]
	sel := i == m.cursor
	count := fmt.Sprintf("%4d× ", h.Count)
	leftW := max(1, m.width*2/5)
	// the sub-folder tells apart articles of the same number and title,
	// as in the library: up to a third of the left part
	dir := ""
	if d := h.Entry.Dir(); d != "" {
		dir = " " + wrap.Truncate(d, max(1, leftW/3-1), m.cond)
	}
	title := wrap.Truncate(fmt.Sprintf(" %s %s", h.Entry.Prefix, h.Entry.Title), max(1, leftW-wrap.Width(dir, m.cond)), m.cond)
	left := title + dir
	lw := wrap.Width(left, m.cond)
	cw := wrap.Width(count, m.cond)
	if lw+cw > m.width {
		line := wrap.Fit(left+count, m.width, m.cond)
		if sel {
			return m.styles.Selected.Render(line)
		}
		return line
	}
	pre, match, post := m.snippet(h, max(0, m.width-lw-cw))
	if sel {
		st := m.styles.Selected
		return st.Render(left+pre) + m.styles.Current.Render(match) + st.Render(post+count)
	}
	return m.styles.Title.Render(title) + m.styles.Dir.Render(dir) + m.styles.Dim.Render(pre) +
		m.styles.Match.Render(match) + m.styles.Dim.Render(post) + m.styles.Prefix.Render(count)
}

// snippet fits the hit's snippet in w columns and splits it around its
// match: the text before, the match (what of it is on screen) and after.
func (m Model) snippet(h Hit, w int) (pre, match, post string) {
	const indent = "  "
	full := indent + h.Snippet
	fitted := wrap.Fit(full, w, m.cond)
	n := 0 // how much of full is on screen, unchanged
	for n < len(fitted) && n < len(full) && fitted[n] == full[n] {
		n++
	}
	ms, me := h.Match[0]+len(indent), h.Match[1]+len(indent)
	if ms > me || me > len(full) {
		return fitted, "", ""
	}
	ms, me = min(ms, n), min(me, n)
	for ms > 0 && !utf8.RuneStart(fitted[ms]) {
		ms--
	}
	for me > ms && me < len(fitted) && !utf8.RuneStart(fitted[me]) {
		me--
	}
	return fitted[:ms], fitted[ms:me], fitted[me:]
}
