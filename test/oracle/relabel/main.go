// Differential oracle for alloy-scrub's relabel engine: an independent, stdlib-only Go
// implementation of relabelling as Alloy runs it, written from reading Prometheus' model/relabel,
// Prometheus' labels.Builder and Alloy's common/relabel and discovery target builder.
//
// Protocol: one JSON request per line on stdin, one JSON answer per line on stdout.
//
//	request:  {"component":"prometheus.relabel"|"discovery.relabel"|"loki.relabel",
//	           "rules":[{"source_labels":[..],"separator":..,"regex":..,"modulus":"<uint64>",
//	                     "target_label":..,"replacement":..,"action":..}],   (absent = default)
//	           "labels":{..}}
//	answer:   {"error":"<Alloy's validation message>"} or
//	          {"outcomes":[{"labels":{..}|null,"dropped_by":<rule index or -1>}]}
//
// Components whose walks go through Go maps (loki.relabel, discovery.relabel) are run several
// times with fresh maps; every distinct outcome Go produced is listed, so a non-deterministic rule
// shows up as more than one outcome.
package main

import (
	"bufio"
	"crypto/md5"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

type ruleIn struct {
	SourceLabels *[]string `json:"source_labels"`
	Separator    *string   `json:"separator"`
	Regex        *string   `json:"regex"`
	Modulus      *string   `json:"modulus"`
	TargetLabel  *string   `json:"target_label"`
	Replacement  *string   `json:"replacement"`
	Action       *string   `json:"action"`
}

type request struct {
	Component string            `json:"component"`
	Rules     []ruleIn          `json:"rules"`
	Labels    map[string]string `json:"labels"`
}

type outcome struct {
	Labels    map[string]string `json:"labels"`
	DroppedBy int               `json:"dropped_by"`
}

type answer struct {
	Error    string    `json:"error,omitempty"`
	Outcomes []outcome `json:"outcomes,omitempty"`
}

type rule struct {
	sourceLabels []string
	separator    string
	regexText    string
	re           *regexp.Regexp
	modulus      uint64
	target       string
	replacement  string
	action       string
}

var actionNames = map[string]bool{
	"replace": true, "keep": true, "drop": true, "hashmod": true, "labelmap": true, "labeldrop": true,
	"labelkeep": true, "lowercase": true, "uppercase": true, "keepequal": true, "dropequal": true,
}

// The target/replacement template shape both Prometheus and Alloy accept when `$` is used.
var targetTemplate = regexp.MustCompile(`^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$`)

func legacyName(s string) bool {
	if s == "" {
		return false
	}
	for i, b := range s {
		ok := (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || (b >= '0' && b <= '9' && i > 0)
		if !ok {
			return false
		}
	}
	return true
}

func utf8Name(s string) bool { return s != "" && utf8.ValidString(s) }

func anchored(s string) (*regexp.Regexp, error) { return regexp.Compile("^(?s:" + s + ")$") }

// build decodes one rule with defaults, then checks it the way Alloy's Validate does.
func build(in ruleIn) (*rule, error) {
	r := &rule{separator: ";", regexText: "(.*)", replacement: "$1", action: "replace"}
	if in.SourceLabels != nil {
		r.sourceLabels = append([]string{}, (*in.SourceLabels)...)
	}
	if in.Separator != nil {
		r.separator = *in.Separator
	}
	if in.Regex != nil {
		r.regexText = *in.Regex
	}
	re, err := anchored(r.regexText)
	if err != nil {
		return nil, err
	}
	r.re = re
	if in.Modulus != nil {
		m, err := strconv.ParseUint(*in.Modulus, 10, 64)
		if err != nil {
			return nil, err
		}
		r.modulus = m
	}
	if in.TargetLabel != nil {
		r.target = *in.TargetLabel
	}
	if in.Replacement != nil {
		r.replacement = *in.Replacement
	}
	if in.Action != nil {
		if !actionNames[*in.Action] {
			return nil, fmt.Errorf("unrecognized action type %q", *in.Action)
		}
		r.action = *in.Action
	}
	return r, validate(r)
}

func validate(r *rule) error {
	a := r.action
	if r.modulus == 0 && a == "hashmod" {
		return fmt.Errorf("relabel configuration for hashmod requires non-zero modulus")
	}
	needsTarget := a == "replace" || a == "hashmod" || a == "lowercase" || a == "uppercase" || a == "keepequal" || a == "dropequal"
	if needsTarget && r.target == "" {
		return fmt.Errorf("relabel configuration for %s action requires 'target_label' value", a)
	}
	hasVar := strings.Contains(r.target, "$")
	if a == "replace" && !hasVar && !utf8Name(r.target) {
		return fmt.Errorf("%q is invalid 'target_label' for %s action", r.target, a)
	}
	if a == "replace" && hasVar && !targetTemplate.MatchString(r.target) {
		return fmt.Errorf("%q is invalid 'target_label' for %s action", r.target, a)
	}
	caseOrEq := a == "lowercase" || a == "uppercase" || a == "keepequal" || a == "dropequal"
	if caseOrEq && !utf8Name(r.target) {
		return fmt.Errorf("%q is invalid 'target_label' for %s action", r.target, a)
	}
	if caseOrEq && r.replacement != "$1" {
		return fmt.Errorf("'replacement' can not be set for %s action", a)
	}
	if a == "labelmap" && !targetTemplate.MatchString(r.replacement) {
		return fmt.Errorf("%q is invalid 'replacement' for %s action", r.replacement, a)
	}
	if a == "hashmod" && !utf8Name(r.target) {
		return fmt.Errorf("%q is invalid 'target_label' for %s action", r.target, a)
	}
	if a == "labeldrop" || a == "labelkeep" {
		if r.sourceLabels != nil || r.target != "" || r.modulus != 0 || r.separator != ";" || r.replacement != "$1" {
			return fmt.Errorf("%s action requires only 'regex', and no other fields", a)
		}
	}
	if a == "keepequal" || a == "dropequal" {
		if r.regexText != "(.*)" || r.modulus != 0 || r.separator != ";" || r.replacement != "$1" {
			return fmt.Errorf("%s action requires only 'source_labels' and 'target_label', and no other fields", a)
		}
	}
	return nil
}

// builder is what a rule needs from a label set.
type builder interface {
	Get(string) string
	Set(string, string)
	Del(string)
	Range(func(string, string))
	Result() map[string]string
}

// promBuilder: sorted base, deletion list, ordered additions; Range walks a snapshot.
type pair struct{ n, v string }

type promBuilder struct {
	base []pair
	del  []string
	add  []pair
}

func newPromBuilder(base map[string]string) *promBuilder {
	b := &promBuilder{}
	for n, v := range base {
		b.base = append(b.base, pair{n, v})
	}
	sort.Slice(b.base, func(i, j int) bool { return b.base[i].n < b.base[j].n })
	for _, p := range b.base {
		if p.v == "" {
			b.del = append(b.del, p.n)
		}
	}
	return b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (b *promBuilder) Get(n string) string {
	for _, a := range b.add {
		if a.n == n {
			return a.v
		}
	}
	if contains(b.del, n) {
		return ""
	}
	for _, p := range b.base {
		if p.n == n {
			return p.v
		}
	}
	return ""
}

func (b *promBuilder) Del(n string) {
	kept := b.add[:0:0]
	for _, a := range b.add {
		if a.n != n {
			kept = append(kept, a)
		}
	}
	b.add = kept
	b.del = append(b.del, n)
}

func (b *promBuilder) Set(n, v string) {
	if v == "" {
		b.Del(n)
		return
	}
	for i := range b.add {
		if b.add[i].n == n {
			b.add[i].v = v
			return
		}
	}
	b.add = append(b.add, pair{n, v})
}

func (b *promBuilder) Range(f func(string, string)) {
	add := append([]pair{}, b.add...)
	del := append([]string{}, b.del...)
	inAdd := func(n string) bool {
		for _, a := range add {
			if a.n == n {
				return true
			}
		}
		return false
	}
	for _, p := range b.base {
		if !contains(del, p.n) && !inAdd(p.n) {
			f(p.n, p.v)
		}
	}
	for _, a := range add {
		f(a.n, a.v)
	}
}

func (b *promBuilder) Result() map[string]string {
	out := map[string]string{}
	for _, p := range b.base {
		if !contains(b.del, p.n) {
			out[p.n] = p.v
		}
	}
	for _, a := range b.add {
		out[a.n] = a.v
	}
	return out
}

// targetBuilder: Go maps walked live, as Alloy's discovery target builder does.
type targetBuilder struct {
	own   map[string]string
	toAdd map[string]string
	toDel map[string]struct{}
}

func newTargetBuilder(labels map[string]string) *targetBuilder {
	t := &targetBuilder{own: map[string]string{}, toAdd: map[string]string{}, toDel: map[string]struct{}{}}
	for n, v := range labels {
		t.own[n] = v
		if v == "" {
			t.toDel[n] = struct{}{}
		}
	}
	return t
}

func (t *targetBuilder) Get(n string) string {
	if v, ok := t.toAdd[n]; ok {
		return v
	}
	if _, ok := t.toDel[n]; ok {
		return ""
	}
	return t.own[n]
}

func (t *targetBuilder) Set(n, v string) {
	if v == "" {
		t.Del(n)
		return
	}
	t.toAdd[n] = v
}

func (t *targetBuilder) Del(n string) {
	t.toDel[n] = struct{}{}
	delete(t.toAdd, n)
}

func (t *targetBuilder) Range(f func(string, string)) {
	for n, v := range t.toAdd {
		f(n, v)
	}
	for n, v := range t.own {
		if _, gone := t.toDel[n]; gone {
			continue
		}
		if _, added := t.toAdd[n]; added {
			continue
		}
		f(n, v)
	}
}

func (t *targetBuilder) Result() map[string]string {
	out := map[string]string{}
	for n, v := range t.own {
		if _, gone := t.toDel[n]; !gone {
			out[n] = v
		}
	}
	for n, v := range t.toAdd {
		out[n] = v
	}
	return out
}

func relabelOne(r *rule, lb builder, legacy bool) bool {
	values := make([]string, 0, len(r.sourceLabels))
	for _, n := range r.sourceLabels {
		values = append(values, lb.Get(n))
	}
	val := strings.Join(values, r.separator)
	switch r.action {
	case "drop":
		return !r.re.MatchString(val)
	case "keep":
		return r.re.MatchString(val)
	case "dropequal":
		return lb.Get(r.target) != val
	case "keepequal":
		return lb.Get(r.target) == val
	case "replace":
		idx := r.re.FindStringSubmatchIndex(val)
		if idx == nil {
			return true
		}
		target := string(r.re.ExpandString(nil, r.target, val, idx))
		ok := utf8Name(target)
		if legacy {
			ok = legacyName(target)
		}
		if !ok {
			return true
		}
		res := string(r.re.ExpandString(nil, r.replacement, val, idx))
		if res == "" {
			lb.Del(target)
		} else {
			lb.Set(target, res)
		}
	case "lowercase":
		lb.Set(r.target, strings.ToLower(val))
	case "uppercase":
		lb.Set(r.target, strings.ToUpper(val))
	case "hashmod":
		sum := md5.Sum([]byte(val))
		lb.Set(r.target, strconv.FormatUint(binary.BigEndian.Uint64(sum[8:])%r.modulus, 10))
	case "labelmap":
		lb.Range(func(n, v string) {
			if r.re.MatchString(n) {
				lb.Set(r.re.ReplaceAllString(n, r.replacement), v)
			}
		})
	case "labeldrop":
		lb.Range(func(n, _ string) {
			if r.re.MatchString(n) {
				lb.Del(n)
			}
		})
	case "labelkeep":
		lb.Range(func(n, _ string) {
			if !r.re.MatchString(n) {
				lb.Del(n)
			}
		})
	}
	return true
}

func run(component string, rules []*rule, labels map[string]string) outcome {
	var lb builder
	switch component {
	case "discovery.relabel":
		lb = newTargetBuilder(labels)
	case "loki.relabel":
		// An empty builder, filled from the stream's label map in Go map order.
		pb := &promBuilder{}
		for n, v := range labels {
			pb.Set(n, v)
		}
		lb = pb
	default:
		lb = newPromBuilder(labels)
	}
	legacy := component != "discovery.relabel"
	for i, r := range rules {
		if !relabelOne(r, lb, legacy) {
			return outcome{Labels: nil, DroppedBy: i}
		}
	}
	out := lb.Result()
	if len(out) == 0 && component != "discovery.relabel" {
		return outcome{Labels: nil, DroppedBy: -1}
	}
	return outcome{Labels: out, DroppedBy: 0}
}

func key(o outcome) string {
	b, _ := json.Marshal(o)
	return string(b)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			enc.Encode(answer{Error: "oracle: bad request: " + err.Error()})
			continue
		}
		var rules []*rule
		var ans answer
		for _, ri := range req.Rules {
			r, err := build(ri)
			if err != nil {
				ans.Error = err.Error()
				break
			}
			rules = append(rules, r)
		}
		if ans.Error == "" {
			runs := 1
			if req.Component != "prometheus.relabel" {
				runs = 24
			}
			seen := map[string]bool{}
			for i := 0; i < runs; i++ {
				o := run(req.Component, rules, req.Labels)
				if k := key(o); !seen[k] {
					seen[k] = true
					ans.Outcomes = append(ans.Outcomes, o)
				}
			}
		}
		enc.Encode(ans)
	}
}
