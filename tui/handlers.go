package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/tui/intent"
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

// act does what the view on screen asked for: one case per intent.
func (m Model) act(it intent.Intent) (Model, tea.Cmd) {
	switch it := it.(type) {
	case intent.Open:
		cmd := m.open(it.Entry, it.Query)
		return m, cmd
	case intent.Back:
		if m.state == stateReader {
			return m.leaveReader()
		}
		m.stopSearch()
		m.state = stateLibrary
		return m, nil
	case intent.Step:
		if m.cfg.Single != nil {
			return m, nil
		}
		e, ok := m.lib.Neighbour(m.rdr.Entry().RelPath, it.Dir)
		if !ok {
			m.status = "no more articles in the list"
			return m, nil
		}
		cmd := m.open(e, "")
		return m, cmd
	case intent.Mark:
		return m.toggleMark(it.Entry)
	case intent.Pager:
		return m, m.pager(it.Entry)
	case intent.Editor:
		if m.cfg.RootDir == "" {
			m.status = "the article is inside an archive: no file to edit"
			return m, nil
		}
		return m, editorCmd(m.cfg.Exec, m.cfg.Editor, m.cfg.RootDir, it.Entry)
	case intent.Help:
		m.help, m.helpTop = true, 0
		return m, nil
	case intent.SearchAll:
		return m.searchAll(it.Query)
	case intent.Cancel:
		m.stopSearch()
		m.res.Done()
		return m, nil
	}
	return m, nil
}

func (m Model) pager(e loader.Entry) tea.Cmd {
	if a, ok := m.cache.get(e.RelPath); ok {
		return pagerCmd(m.cfg.Exec, m.cfg.Pager, a)
	}
	return loadCmd(m.cfg.FS, e, forPager, "")
}

// toggleMark flips a mark; the saved copy is the model's new map, which
// the model never changes in place afterwards.
func (m Model) toggleMark(e loader.Entry) (Model, tea.Cmd) {
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
	return m, saveMarksCmd(m.cfg.StateDir, m.cfg.AbsPath, marks.Op{Rel: e.RelPath, On: next[e.RelPath]})
}

func (m Model) searchAll(q string) (Model, tea.Cmd) {
	m.stopSearch()
	m.searchID++
	ctx, cancel := context.WithCancel(context.Background())
	m.searchCancel = cancel
	entries := m.lib.Entries()
	m.searchCh = startSearch(ctx, m.searchID, m.cfg.FS, entries, q, m.cfg.Cond, m.cfg.Workers)
	m.res = results.New(m.styles, m.cfg.Cond, q, len(entries))
	m.res.SetSize(m.width, m.height)
	m.state = stateResults
	return m, waitBatch(m.searchID, m.searchCh)
}
