/*
Framelens compares how news outlets framed the same event.

It reads a folder of articles and computes, per outlet, loaded terms, hedges
and quotes by speaker, each with the sentences behind it, and writes an HTML
chart report, an Excel workbook and a JSON document.

# Usage

	framelens report  [flags] CORPUS...   # OUT/report.html, OUT/framelens.xlsx, OUT/framelens.json
	framelens analyze [flags] CORPUS...   # the same analysis as JSON (framelens/v1) on stdout
	framelens lexicon [-lang id|en]       # print the built-in lexicon as TSV, to copy and edit
	framelens version

CORPUS is a text file (.txt, .md), a JSON Lines file (.jsonl) or a folder,
read recursively in lexical order. A lexicon.tsv and a speakers.tsv inside a
corpus folder are used automatically, so a rerun is the same command.

# Flags

	-o DIR          output folder for report (default framelens-out)
	-lang L         auto, id or en (default auto: each article's own or detected language)
	-lexicon FILE   extra lexicon TSV; adds or overrides terms (repeatable)
	-speakers FILE  speaker codebook TSV: alias, canonical name, affiliation
	-background FILE  word<TAB>count frequencies: the prior of distinguishing terms
	                (default: the corpus itself)
	-strict         a malformed JSONL line is an error instead of a warning
	-q              no progress output
	-cpuprofile F   write a CPU profile of the run to F (go tool pprof)
	-memprofile F   write a heap profile to F once the analysis is done

# Memory

Unless GOMEMLIMIT is set, framelens sets Go's soft memory limit to five
times the corpus text (at least 1 GiB), so that the garbage collector works
harder instead of letting the heap double. Set GOMEMLIMIT (e.g. 8GiB) to
trade memory for speed, or lower to squeeze a large corpus onto a small machine.

On Linux, before a corpus of 32 MB or more is read, framelens grows its
heap by that limit at once and asks the kernel to back it with
transparent huge pages (madvise), so that the heap is faulted in 2 MB at a
time instead of 4 KB: a large run spends seconds less in page faults. It
is advice and changes no output; on a system where transparent huge pages
are "never", it changes nothing.

# Exit status

0 when the run succeeded, 1 when it failed (the error names the file and
line at fault), 2 for a usage error.

# Example

	$ framelens report testdata/summit
	framelens: read 4 articles from 4 outlets (0 warnings)
	framelens: wrote framelens-out/framelens.json
	framelens: wrote framelens-out/report.html
	framelens: wrote framelens-out/framelens.xlsx

When the output folder already holds a framelens.json from an earlier run,
the report opens with what changed since (outlets and articles added,
removed or changed).
*/
package main
