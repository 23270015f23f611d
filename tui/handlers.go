package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/tui/clipboard"
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
		return m, tea.Batch(m.selectionChanged(zero), m.resume()), true
	case keysMsg:
		m, cmd := m.keysReady(msg)
		return m, cmd, true
	case previewTickMsg:
		if msg.seq != m.previewSeq {
			return m, nil, true
		}
		m.previewDue = false
		sel, ok := m.lib.Selected()
		if !ok || m.state != stateLibrary || m.lib.PreviewRel() == sel.RelPath {
			return m, nil, true
		}
		if a, hit := m.cache.get(sel.RelPath); hit {
			m.lib.SetPreview(sel.RelPath, a, nil)
			return m, nil, true
		}
		return m, loadCmd(m.cfg.FS, sel, forPreview, ""), true
	case loadingTickMsg:
		m.quietOpen = false
		return m, nil, true
	case wholeTickMsg:
		return m, msg.load, true
	case articleMsg:
		return m.articleLoaded(msg)
	case stateLoadedMsg:
		m, cmd := m.stateLoaded(msg)
		return m, cmd, true
	case historyMsg:
		return m.historyLoaded(msg), nil, true
	case savedMsg:
		m, cmd := m.saved(msg)
		return m, cmd, true
	case quitTimeoutMsg:
		if !m.store.quitting {
			return m, nil, true
		}
		m, cmd := m.quitNow("marks and read state may not be saved: still being written after " + quitWait.String())
		return m, cmd, true
	case execMsg:
		if msg.err != nil {
			m.status = execStatus(msg)
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
	if msg.err == nil && msg.rest == nil {
		m.cache.put(msg.article)
	}
	switch msg.purpose {
	case forWhole:
		if msg.err != nil {
			m.status = msg.err.Error()
			return m, nil, true
		}
		if m.state == stateReader && m.rdr.Entry().RelPath == msg.rel {
			return m, m.rdr.Replace(msg.article), true
		}
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
		if msg.rest != nil {
			// the whole once the first frame is out, not competing with it
			rest := msg.rest
			cmd = tea.Batch(cmd, m.cfg.Tick(wholeDelay, func(time.Time) tea.Msg { return wholeTickMsg{rest} }))
		}
		m, more := m.replay()
		return m, tea.Batch(cmd, more), true
	case forPager:
		if msg.err != nil {
			m.status = msg.err.Error()
			return m, nil, true
		}
		return m, pagerCmd(m.cfg.Exec, m.cfg.Pager, msg.article, m.width, m.cfg.Cond), true
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
		if m.back == stateResults {
			// opened from a collection search: step through its hits
			h, ok := m.res.Neighbour(m.rdr.Entry().RelPath, it.Dir)
			if !ok {
				m.status = "no more hits of “" + m.res.Query() + "”"
				return m, nil
			}
			return m, m.open(h.Entry, m.res.Query())
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
	case intent.ToggleRead:
		return m.toggleRead(it.Entry)
	case intent.NextUnread:
		return m.nextUnread()
	case intent.Quit:
		return m.quit()
	case intent.Pager:
		if m.cfg.NoPrograms {
			m.status = noProgramsStatus
			return m, nil
		}
		return m, m.pager(it.Entry)
	case intent.Editor:
		if m.cfg.NoPrograms {
			m.status = noProgramsStatus
			return m, nil
		}
		if m.cfg.RootDir == "" {
			m.status = "the article is inside an archive: no file to edit"
			return m, nil
		}
		return m, editorCmd(m.cfg.Exec, m.cfg.Editor, m.cfg.RootDir, it.Entry)
	case intent.Help:
		m.help, m.helpTop = true, 0
		return m, nil
	case intent.SearchAll:
		save := m.rememberQuery(it.Query)
		next, cmd := m.searchAll(it.Query)
		return next, tea.Batch(cmd, save)
	case intent.Copy:
		text, cut := clipboard.Prepare(it.Text)
		m.status = clipboard.Status(it.What, text, it.Text, cut)
		return m, tea.SetClipboard(text)
	case intent.Cancel:
		m.stopSearch()
		m.res.Done()
		return m, nil
	}
	return m, nil
}

// noProgramsStatus answers e and o when Config.NoPrograms is set.
const noProgramsStatus = "the pager and the editor are off in this session"

func (m Model) pager(e loader.Entry) tea.Cmd {
	if a, ok := m.cache.get(e.RelPath); ok {
		return pagerCmd(m.cfg.Exec, m.cfg.Pager, a, m.width, m.cfg.Cond)
	}
	return loadCmd(m.cfg.FS, e, forPager, "")
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
