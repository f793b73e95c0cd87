// Package analysis computes how news outlets framed an event: per article
// and per outlet, loaded terms, hedges and quotes by speaker, each with the
// sentence and byte offsets behind it.
//
// The pipeline is:
//
//  1. ReadCorpus reads text files (with optional front matter) and JSON
//     Lines files into a *Corpus, decoding every file to UTF-8. Problems
//     that do not stop the run become warnings naming file and line.
//  2. Analyze takes each article through cleaning (boilerplate lines,
//     dateline and byline removal, credits, outlet inference), sentence
//     and word segmentation, quotation pairing, quote attribution and
//     voice assignment, and lexicon matching.
//  3. Speaker names and outlet spellings are then settled corpus-wide
//     ("Presiden Putin" and "Putin" become "Vladimir Putin"), with an
//     optional codebook (speakers.tsv) giving canonical names and
//     affiliations.
//  4. Per-outlet aggregates get rates per 1,000 words with exact Poisson
//     95% intervals, and quote shares with Jeffreys 95% intervals (gonum).
//  5. (*Result).WriteJSON writes the framelens/v1 document.
//
// Note: no knowledge of any particular corpus lives in this package. The
// closed word lists (reporting verbs, pronouns, titles) are grammar; the
// built-in lexicon packs, gazetteer and outlet list are embedded data
// files under lexicon/ that users can inspect (framelens lexicon) and
// extend with their own lexicon.tsv and speakers.tsv.
//
// Every number in a Result can be traced to evidence: each Match and Quote
// carries its text, offsets into the article text as read, the sentence
// and the rule or lexicon line that produced it.
package analysis
