// Command go-baseline runs Alloy's stage.replace algorithm (internal/component/loki/process/stages/
// replace.go) over a corpus with Go's own regexp and text/template, so alloy-scrub's throughput can
// be compared with Go's on the same machine, the same corpus and the same rules, in the same run.
// It is also a differential oracle: its output must equal `alloy-scrub run` byte for byte.
//
// Usage: go-baseline -rules RULES.json -input CORPUS [-output OUT] [-reps N]
//
// RULES.json is [{"expression": "...", "replace": "..."}, ...] in pipeline order (bench/rules.ts
// writes it from an .alloy file). The timing report goes to stderr as one JSON line:
// {"lines":N,"bytes":N,"wall_s":[...],"cpu_s":[...]} with one figure per repetition. Only the
// processing loop is timed (reading the file and compiling the rules are not), and the output of
// the first repetition is written.
//
// Stdlib only, written for this project from the behaviour of replace.go: for every line, every
// rule runs FindStringSubmatch and FindAllStringSubmatchIndex (Alloy calls both), then executes the
// template once per participating capture group with .Value set, splicing it in unless the group
// starts before the end of the previously replaced group.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"syscall"
	"text/template"
	"time"
)

type rule struct {
	Expression string `json:"expression"`
	Replace    string `json:"replace"`
}

type compiled struct {
	re   *regexp.Regexp
	tmpl *template.Template
}

// A subset of Alloy's template functions that needs nothing beyond the standard library; the
// bench rule sets use constant templates, which never call them.
var funcs = template.FuncMap{
	"ToLower":    strings.ToLower,
	"ToUpper":    strings.ToUpper,
	"Replace":    strings.Replace,
	"Trim":       strings.Trim,
	"TrimLeft":   strings.TrimLeft,
	"TrimRight":  strings.TrimRight,
	"TrimPrefix": strings.TrimPrefix,
	"TrimSuffix": strings.TrimSuffix,
	"TrimSpace":  strings.TrimSpace,
}

func compile(rules []rule) ([]compiled, error) {
	out := make([]compiled, 0, len(rules))
	for _, r := range rules {
		re, err := regexp.Compile(r.Expression)
		if err != nil {
			return nil, err
		}
		t, err := template.New("pipeline_template").Funcs(funcs).Parse(r.Replace)
		if err != nil {
			return nil, err
		}
		out = append(out, compiled{re, t})
	}
	return out, nil
}

// replaceLine is one stage.replace on the line (no `source`).
func replaceLine(c compiled, line string) (string, error) {
	_ = c.re.FindStringSubmatch(line) // Alloy computes it for named groups on every line.
	all := c.re.FindAllStringSubmatchIndex(line, -1)
	if all == nil {
		return line, nil
	}
	td := map[string]string{}
	var result string
	prevEnd := 0
	for _, m := range all {
		for i := 2; i < len(m); i += 2 {
			if m[i] == -1 {
				continue
			}
			captured := line[m[i]:m[i+1]]
			buf := &bytes.Buffer{}
			td["Value"] = captured
			if err := c.tmpl.Execute(buf, td); err != nil {
				return line, err // Alloy leaves the entry unchanged.
			}
			if prevEnd == 0 || prevEnd <= m[i] {
				result += line[prevEnd:m[i]] + buf.String()
				prevEnd = m[i+1]
			}
		}
	}
	return result + line[prevEnd:], nil
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

func main() {
	rulesPath := flag.String("rules", "", "rules JSON")
	inputPath := flag.String("input", "", "corpus, one entry per line")
	outputPath := flag.String("output", "", "where to write the processed lines (default: discarded)")
	reps := flag.Int("reps", 1, "repetitions of the timed loop")
	flag.Parse()

	raw, err := os.ReadFile(*rulesPath)
	check(err)
	var rules []rule
	check(json.Unmarshal(raw, &rules))
	stages, err := compile(rules)
	check(err)

	data, err := os.ReadFile(*inputPath)
	check(err)
	text := string(data)
	text = strings.TrimSuffix(text, "\n")
	lines := strings.Split(text, "\n")
	if text == "" {
		lines = nil
	}

	var first []string
	walls := []float64{}
	cpus := []float64{}
	for rep := 0; rep < *reps; rep++ {
		out := make([]string, 0, len(lines))
		c0 := cpuSeconds()
		t0 := time.Now()
		for _, l := range lines {
			for _, s := range stages {
				if r, err := replaceLine(s, l); err == nil {
					l = r
				}
			}
			out = append(out, l)
		}
		walls = append(walls, time.Since(t0).Seconds())
		cpus = append(cpus, cpuSeconds()-c0)
		if rep == 0 {
			first = out
		}
	}

	if *outputPath != "" {
		f, err := os.Create(*outputPath)
		check(err)
		w := bufio.NewWriterSize(f, 1<<20)
		for _, l := range first {
			w.WriteString(l)
			w.WriteByte('\n')
		}
		check(w.Flush())
		check(f.Close())
	}
	report, _ := json.Marshal(map[string]any{"lines": len(lines), "bytes": len(data), "wall_s": walls, "cpu_s": cpus})
	fmt.Fprintln(os.Stderr, string(report))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-baseline:", err)
		os.Exit(2)
	}
}
