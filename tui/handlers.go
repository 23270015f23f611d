package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/tui/library"
	"newsbrowse/tui/reader"
	"newsbrowse/tui/results"
)

// handleResult takes the answer of a command.
func (m Model) handleResult(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case scannedMsg:
		if msg.err != nil {
			m.status = "cannot read the collection: " + msg.err.Error()
		}
		m.lib.SetEntries(msg.entries)
		var zero loader.Entry
		return m, m.selectionChanged(zero), true
	case previewTickMsg:
		sel, ok := m.lib.Selected()
		if msg.seq != m.previewSeq || !ok || m.state != stateLibrary || m.lib.PreviewRel() == sel.RelPath {
			return m, nil, true
		}
		return m, loadCmd(m.cfg.FS, sel, forPreview, ""), true
	case articleMsg:
		return m.articleLoaded(msg)
	case marksMsg:
		if msg.err != nil {
			m.status = "marks: " + msg.err.Error()
		} else if msg.marks != nil {
			m.marks = msg.marks
			m.lib.SetMarks(m.marks)
		}
		return m, nil, true
	case savedMsg:
		if msg.err != nil {
			m.status = "marks not saved: " + msg.err.Error()
		}
		return m, nil, true
	case execMsg:
		if msg.err != nil {
			m.status = fmt.Sprintf("%s: %v", msg.what, msg.err)
		}
		return m, nil, true
	case searchBatch:
		if msg.id != m.searchID {
			return m, nil, true
		}
		if msg.scanned >= 0 {
			m.res.Add(msg.scanned, msg.failed, msg.hits)
		}
		if msg.done {
			m.res.Done()
			m.stopSearch()
			return m, nil, true
		}
		return m, waitBatch(m.searchID, m.searchCh), true
	}
	return m, nil, false
}

func (m Model) articleLoaded(msg articleMsg) (Model, tea.Cmd, bool) {
	if msg.err == nil {
		m.cache.put(msg.article)
	}
	switch msg.purpose {
	case forPreview:
		m.lib.SetPreview(msg.rel, msg.article, msg.err)
	case forOpen:
		if msg.rel != m.opening {
			return m, nil, true
		}
		if msg.err != nil {
			m.opening = ""
			m.status = msg.err.Error()
			if m.cfg.Single != nil {
				// nothing else to show: keep the reader with the error
				m.rdr.Open(m.cfg.FS, loader.Article{Entry: *m.cfg.Single}, false, "")
			}
			m.typeahead = nil
			return m, nil, true
		}
		cmd := m.showArticle(msg.article, msg.query)
		m, more := m.replay()
		return m, tea.Batch(cmd, more), true
	case forPager:
		if msg.err != nil {
			m.status = msg.err.Error()
			return m, nil, true
		}
		return m, pagerCmd(m.cfg.Exec, m.cfg.Pager, msg.article), true
	}
	return m, nil, true
}

// handleChild acts on what a child view asked for.
func (m Model) handleChild(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case library.OpenMsg:
		return m, m.open(msg.Entry, ""), true
	case reader.BackMsg, results.BackMsg:
		if m.state == stateReader {
			mm, cmd := m.leaveReader()
			return mm, cmd, true
		}
		m.stopSearch()
		m.state = stateLibrary
		return m, nil, true
	case reader.PrevMsg, reader.NextMsg:
		dir := 1
		if _, ok := msg.(reader.PrevMsg); ok {
			dir = -1
		}
		if m.cfg.Single != nil {
			return m, nil, true
		}
		e, ok := m.lib.Neighbour(m.rdr.Entry().RelPath, dir)
		if !ok {
			m.status = "no more articles in the list"
			return m, nil, true
		}
		return m, m.open(e, ""), true
	case library.MarkMsg:
		return m.toggleMark(msg.Entry)
	case reader.MarkMsg:
		return m.toggleMark(msg.Entry)
	case library.PagerMsg:
		return m, m.pager(msg.Entry), true
	case reader.PagerMsg:
		return m, m.pager(msg.Entry), true
	case library.EditorMsg:
		return m, editorCmd(m.cfg.Exec, m.cfg.Editor, m.cfg.RootDir, msg.Entry), true
	case reader.EditorMsg:
		return m, editorCmd(m.cfg.Exec, m.cfg.Editor, m.cfg.RootDir, msg.Entry), true
	case library.HelpMsg, reader.HelpMsg, results.HelpMsg:
		m.help, m.helpTop = true, 0
		return m, nil, true
	case library.SearchAllMsg:
		return m.searchAll(msg.Query)
	case results.CancelMsg:
		m.stopSearch()
		m.res.Done()
		return m, nil, true
	case results.OpenMsg:
		return m, m.open(msg.Entry, msg.Query), true
	}
	return m, nil, false
}

func (m Model) pager(e loader.Entry) tea.Cmd {
	if a, ok := m.cache.get(e.RelPath); ok {
		return pagerCmd(m.cfg.Exec, m.cfg.Pager, a)
	}
	return loadCmd(m.cfg.FS, e, forPager, "")
}

// toggleMark flips a mark; the saved copy is the model's new map, which
// the model never changes in place afterwards.
func (m Model) toggleMark(e loader.Entry) (tea.Model, tea.Cmd, bool) {
	next := marks.Toggle(m.marks, e.RelPath)
	if next[e.RelPath] {
		m.status = "marked " + loader.DisplayPath(e.RelPath)
	} else {
		m.status = "unmarked " + loader.DisplayPath(e.RelPath)
	}
	m.marks = next
	m.lib.SetMarks(next)
	if m.rdr.Entry().RelPath == e.RelPath {
		m.rdr.SetMarked(next[e.RelPath])
	}
	return m, saveMarksCmd(m.cfg.StateDir, m.cfg.AbsPath, next), true
}

func (m Model) searchAll(q string) (tea.Model, tea.Cmd, bool) {
	m.stopSearch()
	m.searchID++
	ctx, cancel := context.WithCancel(context.Background())
	m.searchCancel = cancel
	entries := m.lib.Entries()
	m.searchCh = startSearch(ctx, m.searchID, m.cfg.FS, entries, q, m.cfg.Cond, m.cfg.Workers)
	m.res = results.New(m.styles, m.cfg.Cond, q, len(entries))
	m.res.SetSize(m.width, m.height)
	m.state = stateResults
	return m, waitBatch(m.searchID, m.searchCh), true
}
