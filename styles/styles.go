// Package styles holds every colour and text attribute newsbrowse draws with.
// Styles are values built by New or Mono; nothing here is global.
package styles

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is the complete set of styles of the program. The views only
// apply them to text they have already laid out: no style here has a width,
// padding or margin, so lipgloss never re-wraps a line.
//
// A Styles is a handle on a set that New or Mono built and nothing
// changes: copying it copies one pointer. Each view model holds one, and
// Bubble Tea copies the models on every message; a set of lipgloss styles
// by value is 14 kB.
type Styles struct{ *set }

// set is the styles themselves; its fields are read through Styles.
type set struct {
	Header    lipgloss.Style // top bar of the library
	Status    lipgloss.Style // bottom status bar
	StatusKey lipgloss.Style // emphasised part of the status bar (position, mode)
	Error     lipgloss.Style // an error shown in the status bar
	Notice    lipgloss.Style // a transient notice (search wrapped, saved…)
	Prefix    lipgloss.Style // the article number column
	Title     lipgloss.Style // a title in the list
	Dir       lipgloss.Style // the sub-folder column
	Selected  lipgloss.Style // the selected row of a list
	Mark      lipgloss.Style // the marker of a marked article
	Heading   lipgloss.Style // the article title inside the reader
	Image     lipgloss.Style // the [图片] line
	Body      lipgloss.Style // paragraph text
	Dim       lipgloss.Style // secondary text: counts, hints, separators
	Match     lipgloss.Style // a search match
	Current   lipgloss.Style // the current search match
	Prompt    lipgloss.Style // the "/" of a prompt
	Border    lipgloss.Style // the preview pane separator
	Progress  lipgloss.Style // the filled part of a progress bar
	HelpKey   lipgloss.Style // a key in the help screen
	HelpDesc  lipgloss.Style // its description
	HelpTitle lipgloss.Style // a group heading in the help screen
	Mono      bool           // true when colours are off (NO_COLOR)
}

// New returns the colour styles for a dark or a light terminal background.
func New(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color {
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := c("#005f87", "#5fafd7")
	dim := c("#6c6c6c", "#8a8a8a")
	barBg := c("#d0d0d0", "#303030")
	barFg := c("#1c1c1c", "#d0d0d0")
	return Styles{&set{
		Header:    lipgloss.NewStyle().Foreground(barFg).Background(barBg).Bold(true),
		Status:    lipgloss.NewStyle().Foreground(barFg).Background(barBg),
		StatusKey: lipgloss.NewStyle().Foreground(accent).Background(barBg).Bold(true),
		Error:     lipgloss.NewStyle().Foreground(c("#af0000", "#ff5f5f")).Background(barBg).Bold(true),
		Notice:    lipgloss.NewStyle().Foreground(c("#875f00", "#ffd75f")).Background(barBg),
		Prefix:    lipgloss.NewStyle().Foreground(accent),
		Title:     lipgloss.NewStyle(),
		Dir:       lipgloss.NewStyle().Foreground(dim),
		Selected:  lipgloss.NewStyle().Foreground(c("#000000", "#ffffff")).Background(c("#afd7ff", "#005f87")).Bold(true),
		Mark:      lipgloss.NewStyle().Foreground(c("#af5f00", "#ffaf00")).Bold(true),
		Heading:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		Image:     lipgloss.NewStyle().Foreground(dim).Italic(true),
		Body:      lipgloss.NewStyle(),
		Dim:       lipgloss.NewStyle().Foreground(dim),
		Match:     lipgloss.NewStyle().Foreground(c("#000000", "#000000")).Background(c("#ffd75f", "#d7af00")),
		Current:   lipgloss.NewStyle().Foreground(c("#ffffff", "#000000")).Background(c("#d75f00", "#ff8700")).Bold(true),
		Prompt:    lipgloss.NewStyle().Foreground(accent).Bold(true),
		Border:    lipgloss.NewStyle().Foreground(dim),
		Progress:  lipgloss.NewStyle().Foreground(accent),
		HelpKey:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		HelpDesc:  lipgloss.NewStyle().Foreground(dim),
		HelpTitle: lipgloss.NewStyle().Bold(true).Underline(true),
	}}
}

// Mono returns the styles used when colours are off (NO_COLOR): only bold,
// underline and reverse video, so highlights stay visible.
func Mono() Styles {
	plain := lipgloss.NewStyle()
	rev := lipgloss.NewStyle().Reverse(true)
	bold := lipgloss.NewStyle().Bold(true)
	return Styles{&set{
		Header:    rev.Bold(true),
		Status:    rev,
		StatusKey: rev.Bold(true),
		Error:     rev.Bold(true),
		Notice:    rev,
		Prefix:    plain,
		Title:     plain,
		Dir:       plain,
		Selected:  rev,
		Mark:      bold,
		Heading:   bold,
		Image:     plain,
		Body:      plain,
		Dim:       plain,
		Match:     rev,
		Current:   rev.Bold(true).Underline(true),
		Prompt:    bold,
		Border:    plain,
		Progress:  bold,
		HelpKey:   bold,
		HelpDesc:  plain,
		HelpTitle: bold.Underline(true),
		Mono:      true,
	}}
}
