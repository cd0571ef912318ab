package actors

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"bilat/internal/engagement"
)

func mustLoad(t testing.TB, userFile string) *Lexicon {
	t.Helper()
	l, err := Load(userFile)
	if err != nil {
		t.Fatalf("Load(%q): %v", userFile, err)
	}
	return l
}

var (
	embeddedOnce sync.Once
	embeddedLex  *Lexicon
	embeddedErr  error
)

// embedded is the lexicon of the embedded data alone, loaded once.
func embedded(t *testing.T) *Lexicon {
	t.Helper()
	embeddedOnce.Do(func() { embeddedLex, embeddedErr = Load("") })
	if embeddedErr != nil {
		t.Fatalf("Load: %v", embeddedErr)
	}
	return embeddedLex
}

func date(t *testing.T, s string) engagement.Date {
	t.Helper()
	d, err := engagement.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCountriesComplete(t *testing.T) {
	l := embedded(t)
	cs := l.Countries()
	if len(cs) < 193+4 {
		t.Errorf("%d countries, want the 193 UN members plus PSE, VAT, TWN, XKX", len(cs))
	}
	for i := 1; i < len(cs); i++ {
		if cs[i-1].Code >= cs[i].Code {
			t.Errorf("codes not unique and sorted: %s then %s", cs[i-1].Code, cs[i].Code)
		}
	}
	for _, c := range cs {
		if c.Name == "" || c.Capital == "" {
			t.Errorf("%s: missing name or capital", c.Code)
		}
	}
	for _, code := range []string{"PAK", "USA", "GBR", "CHN", "IND", "AFG", "BRA", "NGA", "TUV", "SSD", "KNA", "FSM", "MHL", "PRK", "COD", "COG", "PSE", "VAT", "TWN", "XKX"} {
		if _, ok := l.Country(code); !ok {
			t.Errorf("country %s missing", code)
		}
	}
	if c, ok := l.Country("pak"); !ok || c.Name != "Pakistan" || c.Capital != "Islamabad" {
		t.Errorf("Country(pak) = %+v, %v", c, ok)
	}
	// Every name, alias, demonym and city belongs to one country only.
	for _, c := range l.conflicts {
		t.Errorf("conflict in embedded data: %s", c)
	}
}

func TestCountryByName(t *testing.T) {
	l := embedded(t)
	tests := []struct {
		in   string
		want string // "" = not found
	}{
		{"Pakistan", "PAK"},
		{"pakistani", "PAK"},
		{"Florida", "USA"}, // a region names its country
		{"Nakhchivan", "AZE"},
		{"Georgia", "GEO"}, // the country, not the state of the US
		{"PAKISTAN", "PAK"},
		{"Islamic Republic of Pakistan", "PAK"},
		{"United States", "USA"},
		{"the United States", "USA"},
		{"United States of America", "USA"},
		{"America", "USA"},
		{"American", "USA"},
		{"US", "USA"},
		{"U.S.", "USA"},
		{"USA", "USA"},
		{"us", ""}, // the pronoun
		{"Us", ""},
		{"usa", ""},
		{"UK", "GBR"},
		{"uk", ""},
		{"Britain", "GBR"},
		{"British", "GBR"},
		{"UAE", "ARE"},
		{"Emirati", "ARE"},
		{"Türkiye", "TUR"},
		{"Turkiye", "TUR"},
		{"TÜRKIYE", "TUR"},
		{"Turkish", "TUR"},
		{"Côte d’Ivoire", "CIV"}, // curly apostrophe
		{"Cote d'Ivoire", "CIV"},
		{"Ivory Coast", "CIV"},
		{"South Korean", "KOR"},
		{"ROK", "KOR"},
		{"North Korea", "PRK"},
		{"DPRK", "PRK"},
		{"dprk", ""},
		{"PRC", "CHN"},
		{"Chinese", "CHN"},
		{"People's Republic of China", "CHN"},
		{"People’s Republic of China", "CHN"},
		{"Russian Federation", "RUS"},
		{"Saudi", "SAU"},
		{"Netherlands", "NLD"},
		{"the Netherlands", "NLD"},
		{"Dutch", "NLD"},
		{"Guinea", "GIN"},
		{"Guinea-Bissau", "GNB"},
		{"Guinea Bissau", "GNB"},
		{"Afghan", "AFG"},
		{"Palestinian", "PSE"},
		{"Holy See", "VAT"},
		{"Kosovo", "XKX"},
		{"  Bangladesh ", "BGD"},
		{"Narnia", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := l.CountryByName(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("CountryByName(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestCountryByAlpha2(t *testing.T) {
	l := embedded(t)
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"PK", "PAK", true},
		{"pk", "PAK", true},
		{" Us ", "USA", true},
		{"GB", "GBR", true},
		{"gb", "GBR", true},
		{"uk", "GBR", true}, // the internet domain
		{"UK", "GBR", true},
		{"DE", "DEU", true},
		{"CN", "CHN", true},
		{"KP", "PRK", true},
		{"KR", "KOR", true},
		{"CD", "COD", true},
		{"CG", "COG", true},
		{"NO", "NOR", true}, // not YAML's boolean no
		{"SZ", "SWZ", true},
		{"MK", "MKD", true},
		{"XK", "XKX", true},
		{"TW", "TWN", true},
		{"PS", "PSE", true},
		{"VA", "VAT", true},
		{"ZZ", "", false},
		{"EU", "", false},
		{"PAK", "", false},
		{"P", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := l.CountryByAlpha2(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CountryByAlpha2(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	// Every country has its own two-letter alpha-2 code, and it leads back.
	seen := map[string]string{}
	for _, c := range l.Countries() {
		if len(c.Alpha2) != 2 || strings.ToUpper(c.Alpha2) != c.Alpha2 {
			t.Errorf("%s: alpha2 %q, want two capital letters", c.Code, c.Alpha2)
			continue
		}
		if old, ok := seen[c.Alpha2]; ok {
			t.Errorf("alpha2 %s: %s and %s", c.Alpha2, old, c.Code)
		}
		seen[c.Alpha2] = c.Code
		if got, ok := l.CountryByAlpha2(c.Alpha2); !ok || got != c.Code {
			t.Errorf("CountryByAlpha2(%q) = %q, %v, want %s", c.Alpha2, got, ok, c.Code)
		}
	}
	if c, _ := l.Country("GBR"); c.Alpha2 != "GB" {
		t.Errorf("GBR alpha2 = %q, want GB", c.Alpha2)
	}
}

func TestUserAlpha2(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a2.yaml")
	body := "countries:\n" +
		"  - {code: XTL, alpha2: xt, name: Testland}\n" +
		"  - {code: XKX, alpha2: QK}\n" + // override keeps the other fields
		"  - {code: PAK, name: Pakistan}\n" // no alpha2: keeps PK
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	l := mustLoad(t, p)
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"XT", "XTL", true},
		{"qk", "XKX", true},
		{"XK", "", false},
		{"PK", "PAK", true},
		{"uk", "GBR", true},
	} {
		if got, ok := l.CountryByAlpha2(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("CountryByAlpha2(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if c, _ := l.Country("XKX"); c.Alpha2 != "QK" || c.Name != "Kosovo" {
		t.Errorf("Country(XKX) = %+v", c)
	}
	if c, _ := l.Country("XTL"); c.Alpha2 != "XT" {
		t.Errorf("Country(XTL).Alpha2 = %q, want XT", c.Alpha2)
	}
	// A country without alpha2 is allowed and has none.
	p2 := filepath.Join(t.TempDir(), "none.yaml")
	if err := os.WriteFile(p2, []byte("countries:\n  - {code: XTL, name: Testland}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, _ := mustLoad(t, p2).Country("XTL"); c.Alpha2 != "" {
		t.Errorf("Country(XTL).Alpha2 = %q, want none", c.Alpha2)
	}
}

func TestCity(t *testing.T) {
	l := embedded(t)
	tests := []struct{ in, city, country string }{
		{"Washington, D.C.", "Washington", "USA"},
		{"Washington DC", "Washington", "USA"},
		{"washington", "Washington", "USA"},
		{"Delhi", "New Delhi", "IND"},
		{"New Delhi", "New Delhi", "IND"},
		{"Islamabad", "Islamabad", "PAK"},
		{"Rawalpindi", "Rawalpindi", "PAK"},
		{"Geneva", "Geneva", "CHE"},
		{"Kiev", "Kyiv", "UKR"},
		{"The Hague", "The Hague", "NLD"},
		{"Sao Paulo", "São Paulo", "BRA"},
		{"Nur-Sultan", "Astana", "KAZ"},
		{"Atlantis", "", ""},
	}
	for _, tt := range tests {
		city, country, ok := l.City(tt.in)
		if city != tt.city || country != tt.country || ok != (tt.city != "") {
			t.Errorf("City(%q) = %q, %q, %v; want %q, %q", tt.in, city, country, ok, tt.city, tt.country)
		}
	}
}

func TestTitles(t *testing.T) {
	l := embedded(t)
	// The canonical names the people data relies on, with their ranks.
	required := map[string]int{
		"President": 1, "Prime Minister": 1, "Chancellor": 1, "King": 1, "Queen": 1, "Emir": 1,
		"Sultan": 1, "Supreme Leader": 1, "Chief Adviser": 1,
		"Vice President": 2, "Deputy Prime Minister": 2, "Crown Prince": 2, "Foreign Minister": 2,
		"Secretary of State": 2, "Foreign Secretary": 3, "Defence Minister": 2, "Secretary of Defense": 2,
		"Finance Minister": 2, "Secretary of the Treasury": 2, "Interior Minister": 2, "Commerce Minister": 2,
		"Secretary of Commerce": 2, "Trade Minister": 2, "Minister": 2, "National Security Adviser": 2,
		"Chief of Army Staff": 2, "Chief of Defence Forces": 2, "Chief of Defence Staff": 2,
		"Chairman of the Joint Chiefs of Staff": 2, "Director of the CIA": 2,
		"Director of National Intelligence": 2, "Trade Representative": 2, "Speaker": 2,
		"Deputy Foreign Minister": 3, "Minister of State": 3, "Deputy Minister": 3,
		"Deputy Secretary of State": 3, "Under Secretary of State": 3, "Under Secretary": 3,
		"Assistant Secretary of State": 3, "Assistant Secretary": 3, "Special Envoy": 3,
		"Special Representative": 3, "Deputy National Security Adviser": 3,
		"Ambassador": 4, "High Commissioner": 4, "Chargé d'Affaires": 4, "Envoy": 4,
		"Consul General": 4, "Director General": 4, "Senior Official": 4,
		"Spokesperson": 5, "Adviser": 5,
	}
	for name, rank := range required {
		ti, ok := l.Title(name)
		if !ok || ti.Name != name || ti.Rank != rank {
			t.Errorf("Title(%q) = %q rank %d, %v; want rank %d", name, ti.Name, ti.Rank, ok, rank)
		}
	}
	tests := []struct{ in, want string }{
		{"foreign minister", "Foreign Minister"},
		{"F.M.", "Foreign Minister"},
		{"fm", "Foreign Minister"},
		{"Minister for Foreign Affairs", "Foreign Minister"},
		{"external affairs minister", "Foreign Minister"},
		{"acting foreign minister", "Foreign Minister"},
		{"Interim Prime Minister", "Prime Minister"},
		{"premier", "Prime Minister"},
		{"PM", "Prime Minister"},
		{"vice-president", "Vice President"},
		{"vice premier", "Deputy Prime Minister"},
		{"army chief", "Chief of Army Staff"},
		{"COAS", "Chief of Army Staff"},
		{"national security advisor", "National Security Adviser"},
		{"defense secretary", "Secretary of Defense"},
		{"secretary of war", "Secretary of Defense"},
		{"defence secretary", "Defence Minister"},
		{"treasury secretary", "Secretary of the Treasury"},
		{"cia director", "Director of the CIA"},
		{"Chargé d’Affaires", "Chargé d'Affaires"},
		{"charge d'affaires", "Chargé d'Affaires"},
		{"vice foreign minister", "Deputy Foreign Minister"},
		{"undersecretary of state", "Under Secretary of State"},
		{"grand vizier", ""},
	}
	for _, tt := range tests {
		ti, ok := l.Title(tt.in)
		if ti.Name != tt.want || ok != (tt.want != "") {
			t.Errorf("Title(%q) = %q, %v; want %q", tt.in, ti.Name, ok, tt.want)
		}
	}
	fs, _ := l.Title("Foreign Secretary")
	for c, want := range map[string]int{"GBR": 2, "PAK": 3, "IND": 3, "": 3} {
		if got := fs.RankIn(c); got != want {
			t.Errorf("Foreign Secretary RankIn(%q) = %d, want %d", c, got, want)
		}
	}

	forms := l.TitleForms()
	for i := 1; i < len(forms); i++ {
		if len(forms[i]) > len(forms[i-1]) {
			t.Fatalf("TitleForms not longest first: %q before %q", forms[i-1], forms[i])
		}
	}
	has := map[string]bool{}
	for _, f := range forms {
		if f != strings.ToLower(f) {
			t.Errorf("form %q is not lower case", f)
		}
		has[f] = true
	}
	for _, f := range []string{"minister of foreign affairs", "foreign minister", "president", "chargé d'affaires"} {
		if !has[f] {
			t.Errorf("TitleForms lacks %q", f)
		}
	}
	if has["pm"] || has["fm"] {
		t.Error("TitleForms has acronyms, which belong in TitleAcronyms")
	}
	if acr := l.TitleAcronyms(); !containsStr(acr, "PM") || !containsStr(acr, "NSA") {
		t.Errorf("TitleAcronyms = %v, want PM and NSA among them", acr)
	}
}

func TestHonorifics(t *testing.T) {
	l := embedded(t)
	tests := []struct {
		in   string
		want bool
	}{
		{"Mr", true}, {"Mr.", true}, {"mr", true}, {"Dr.", true}, {"Sheikh", true},
		{"Gen", true}, {"Gen.", true}, {"General", true}, {"Lt Gen", true}, {"Lt. Gen.", true},
		{"Lieutenant General", true}, {"Field Marshal", true}, {"H.E.", true},
		{"His Excellency", true}, {"Syed", true}, {"Sen.", true},
		{"he", false}, {"Ambassador", false}, {"President", false}, {"Asim", false}, {"", false},
	}
	for _, tt := range tests {
		if got := l.Honorific(tt.in); got != tt.want {
			t.Errorf("Honorific(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	hs := l.Honorifics()
	for i := 1; i < len(hs); i++ {
		if len(hs[i]) > len(hs[i-1]) {
			t.Fatalf("Honorifics not longest first: %q before %q", hs[i-1], hs[i])
		}
	}
	if !l.Suffix("(retd)") || !l.Suffix("Jr.") || l.Suffix("Munir") {
		t.Error("Suffix: want (retd) and Jr. only")
	}
}

func TestTopics(t *testing.T) {
	l := embedded(t)
	want := []string{"trade", "investment", "economy", "finance", "energy", "security", "defense",
		"counterterrorism", "climate", "floods", "disaster", "health", "education", "technology",
		"connectivity", "migration", "refugees", "humanitarian", "nuclear", "human rights", "water",
		"agriculture", "food security", "maritime", "cyber", "space", "peace", "democracy", "sanctions",
		"afghanistan", "ukraine", "gaza", "kashmir", "iran", "taiwan", "korean peninsula", "syria",
		"yemen", "sudan"}
	got := map[string]Topic{}
	for _, tp := range l.Topics() {
		if _, dup := got[tp.Tag]; dup {
			t.Errorf("topic %q twice", tp.Tag)
		}
		got[tp.Tag] = tp
		for _, term := range tp.Terms {
			if term != strings.ToLower(term) || term == "" {
				t.Errorf("topic %q: term %q not lower case", tp.Tag, term)
			}
		}
	}
	for _, tag := range want {
		if len(got[tag].Terms) == 0 {
			t.Errorf("topic %q missing or empty", tag)
		}
	}
	if !containsStr(got["floods"].Terms, "flooding") || !containsStr(got["counterterrorism"].Terms, "counter-terrorism") {
		t.Error("floods/counterterrorism terms incomplete")
	}
}

func TestUserFile(t *testing.T) {
	l := mustLoad(t, filepath.Join("testdata", "user.yaml"))

	// A country added.
	if code, ok := l.CountryByName("Testlandic"); !ok || code != "XTL" {
		t.Errorf("CountryByName(Testlandic) = %q, %v", code, ok)
	}
	if code, ok := l.CountryByName("RTL"); !ok || code != "XTL" {
		t.Errorf("CountryByName(RTL) = %q, %v", code, ok)
	}
	if _, ok := l.CountryByName("rtl"); ok {
		t.Error("CountryByName(rtl): short capitals matched in lower case")
	}
	if city, c, ok := l.City("test city"); !ok || city != "Testville" || c != "XTL" {
		t.Errorf("City(test city) = %q, %q, %v", city, c, ok)
	}
	if n := len(l.Countries()); n != len(embedded(t).Countries())+1 {
		t.Errorf("%d countries after adding one", n)
	}

	// A title's rank overridden; its forms kept.
	fs, ok := l.Title("foreign secretary")
	if !ok || fs.Rank != 2 || fs.RankIn("PAK") != 2 {
		t.Errorf("overridden Foreign Secretary = %+v, %v; want rank 2", fs, ok)
	}
	if ct, ok := l.Title("head tester"); !ok || ct.Name != "Chief Tester" || ct.RankIn("XTL") != 2 || ct.RankIn("USA") != 3 {
		t.Errorf("Title(head tester) = %+v, %v", ct, ok)
	}
	if !containsStr(l.TitleForms(), "head tester") {
		t.Error("TitleForms lacks a user form")
	}

	// Honorifics and topics added.
	if !l.Honorific("grand examiner") || !l.Honorific("Mr") {
		t.Error("user honorific not added or embedded one lost")
	}
	var testing Topic
	for _, tp := range l.Topics() {
		if tp.Tag == "testing" {
			testing = tp
		}
	}
	if !containsStr(testing.Terms, "unit tests") {
		t.Errorf("user topic = %+v", testing)
	}

	// Embedded data not in the user file is still there.
	if code, ok := l.CountryByName("Pakistan"); !ok || code != "PAK" {
		t.Error("embedded country lost")
	}
}

func TestPerson(t *testing.T) {
	l := mustLoad(t, filepath.Join("testdata", "user.yaml"))
	tests := []struct{ in, want string }{
		{"Alba Quell", "Alba Quell"},
		{"alba quell", "Alba Quell"},
		{"Gen. Alba Quell", "Alba Quell"},
		{"Lt Gen Alba Quell (retd)", "Alba Quell"},
		{"H.E. Ms. Alba Quell", "Alba Quell"},
		{"Grand Examiner Alba Quell", "Alba Quell"},
		{"A. Quell", "Alba Quell"},
		{"A Quell", "Alba Quell"},
		{"Bruno Varga-Lind", "Bruno Varga-Lind"},
		{"Bruno Varga Lind", "Bruno Varga-Lind"},
		{"Dara Olund", "Dara Ölund"},
		{"DARA ÖLUND", "Dara Ölund"},
		{"Quell", ""}, // a surname alone is not a name
		{"Mr", ""},
		{"", ""},
	}
	for _, tt := range tests {
		p, ok := l.Person(tt.in)
		got := ""
		if ok {
			got = p.Name
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Person(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	surnames := []struct {
		in   string
		want []string
	}{
		{"quell", []string{"Alba Quell"}},
		{"Quell", []string{"Alba Quell"}},
		{"Lind", []string{"Bruno Varga-Lind"}},
		{"Ölund", []string{"Dara Ölund"}},
		{"Nobody", nil},
	}
	for _, tt := range surnames {
		var got []string
		for _, p := range l.PeopleBySurname(tt.in) {
			got = append(got, p.Name)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("PeopleBySurname(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// An office's own country is kept; the others take the person's.
	p, _ := l.Person("Dara Ölund")
	if p.Offices[0].Country != "XTL" || p.Offices[1].Country != "USA" {
		t.Errorf("office countries = %+v", p.Offices)
	}
}

func TestHolder(t *testing.T) {
	l := mustLoad(t, filepath.Join("testdata", "user.yaml"))
	// XTL foreign ministers: Alba Quell 2020-01-15 to 2022-04-10, Bruno
	// Varga-Lind 2022-04-10 to 2023-06, Celia Mott from 2023-06.
	tests := []struct {
		title, on, want string
	}{
		{"Foreign Minister", "2021-06-01", "Alba Quell"},
		{"Foreign Minister", "2022-04-09", "Alba Quell"},
		{"Foreign Minister", "2022-04-10", "Bruno Varga-Lind"}, // same-day handover: the successor
		{"Foreign Minister", "2022-04-11", "Bruno Varga-Lind"},
		{"Foreign Minister", "2022-04", ""}, // two holders in the month
		{"Foreign Minister", "2022-05", "Bruno Varga-Lind"},
		{"Foreign Minister", "2020-01", "Alba Quell"}, // the only holder in the month
		{"Foreign Minister", "2020-01-10", ""},        // before her term
		{"Foreign Minister", "2021", "Alba Quell"},
		{"Foreign Minister", "2022", ""},
		{"Foreign Minister", "2023-06", ""},    // month-precision handover
		{"Foreign Minister", "2023-06-15", ""}, // which day in June is unknown
		{"Foreign Minister", "2023-07", "Celia Mott"},
		{"Foreign Minister", "2031-02-03", "Celia Mott"}, // still in office
		{"Foreign Minister", "2019", ""},
		{"Foreign Minister", "", ""}, // unknown date
		{"fm", "2021-06-01", "Alba Quell"},
		{"minister of foreign affairs", "2021-06-01", "Alba Quell"},
		{"Deputy Foreign Minister", "2018", "Alba Quell"},
		{"Chief Tester", "2024", "Bruno Varga-Lind"},
		{"Prime Minister", "2019-05", "Dara Ölund"},
		{"Prime Minister", "2019-04-30", ""},
		{"Grand Vizier", "2021", ""},
	}
	for _, tt := range tests {
		p, ok := l.Holder("XTL", tt.title, date(t, tt.on))
		got := ""
		if ok {
			got = p.Name
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Holder(XTL, %q, %q) = %q, %v; want %q", tt.title, tt.on, got, ok, tt.want)
		}
	}
	if _, ok := l.Holder("USA", "Foreign Minister", date(t, "2021-06-01")); ok {
		t.Error("Holder found a Foreign Minister of the USA (it has a Secretary of State)")
	}
}

func TestOfficeOn(t *testing.T) {
	l := mustLoad(t, filepath.Join("testdata", "user.yaml"))
	alba, _ := l.Person("Alba Quell")
	bruno, _ := l.Person("Bruno Varga-Lind")
	dara, _ := l.Person("Dara Olund")
	celia, _ := l.Person("Celia Mott")
	tests := []struct {
		p         *Person
		on        string
		title, cc string
	}{
		{alba, "2018-05-05", "Deputy Foreign Minister", "XTL"},
		{alba, "2020-01", "Foreign Minister", "XTL"}, // both in the month: the higher rank
		{alba, "2021", "Foreign Minister", "XTL"},
		{alba, "2025", "", ""},
		{alba, "", "Foreign Minister", "XTL"}, // latest
		{bruno, "2022-05-01", "Foreign Minister", "XTL"},
		{bruno, "2024-01", "Chief Tester", "XTL"},
		{bruno, "", "Chief Tester", "XTL"}, // the one still held
		{dara, "2016", "Ambassador", "USA"},
		{dara, "2018", "Ambassador", "USA"}, // Prime Minister starts 2019
		{dara, "2020", "Prime Minister", "XTL"},
		{celia, "2025", "Foreign Minister", "XTL"}, // equal ranks: the first listed
		{celia, "", "Foreign Minister", "XTL"},
	}
	for _, tt := range tests {
		o, ok := l.OfficeOn(tt.p, date(t, tt.on))
		if o.Title != tt.title || o.Country != tt.cc || ok != (tt.title != "") {
			t.Errorf("OfficeOn(%s, %q) = %+v, %v; want %s of %s", tt.p.Name, tt.on, o, ok, tt.title, tt.cc)
		}
	}
	if _, ok := l.OfficeOn(nil, date(t, "2020")); ok {
		t.Error("OfficeOn(nil) found an office")
	}
}

func TestBrokenUserFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, file string
		wants      []string // substrings of the error
	}{
		{"syntax", filepath.Join("testdata", "broken_syntax.yaml"), []string{"broken_syntax.yaml", "line"}},
		{"unknown title", filepath.Join("testdata", "broken_title.yaml"), []string{"broken_title.yaml", "Ezra Pell", "Grand Vizier", "line 2"}},
		{"missing file", filepath.Join(dir, "nope.yaml"), []string{"nope.yaml"}},
		{"unknown section", write("section.yaml", "countries: []\nleaders: []\n"), []string{"section.yaml", "line 2", "leaders"}},
		{"unknown key", write("key.yaml", "countries:\n  - code: XTL\n    name: Testland\n    alias: [T]\n"), []string{"key.yaml", "line 4", "alias"}},
		{"bad code", write("code.yaml", "countries:\n  - {code: XT, name: X}\n"), []string{"code.yaml", "XT"}},
		{"bad rank", write("rank.yaml", "titles:\n  - {name: Sheriff, rank: 9, forms: [sheriff]}\n"), []string{"rank.yaml", "Sheriff", "rank 9"}},
		{"unknown person country", write("pc.yaml", "people:\n  - name: Ezra Pell\n    country: ZZZ\n"), []string{"pc.yaml", "Ezra Pell", "ZZZ"}},
		{"bad date", write("date.yaml", "people:\n  - name: Ezra Pell\n    country: PAK\n    offices: [{title: Ambassador, from: 2020-13}]\n"), []string{"date.yaml", "Ezra Pell", "2020-13"}},
		{"reversed dates", write("rev.yaml", "people:\n  - name: Ezra Pell\n    country: PAK\n    offices: [{title: Ambassador, from: 2020, to: 2019}]\n"), []string{"rev.yaml", "before"}},
		{"duplicate", write("dup.yaml", "topics:\n  - {tag: x, terms: [a]}\n  - {tag: x, terms: [b]}\n"), []string{"dup.yaml", "duplicate", "line 2"}},
		{"not a list", write("list.yaml", "countries: {code: XTL}\n"), []string{"list.yaml", "want a list"}},
		{"bad alpha2", write("a2.yaml", "countries:\n  - {code: XTL, alpha2: XTL, name: Testland}\n"), []string{"a2.yaml", "XTL", "alpha2", "two letters"}},
		{"digit alpha2", write("a2d.yaml", "countries:\n  - {code: XTL, alpha2: X1, name: Testland}\n"), []string{"a2d.yaml", "X1", "two letters"}},
		{"duplicate alpha2", write("a2dup.yaml", "countries:\n  - {code: XTL, alpha2: pk, name: Testland}\n"), []string{"a2dup.yaml", "XTL", "PK", "PAK"}},
		{"duplicate alpha2 override", write("a2ovr.yaml", "countries:\n  - {code: IND, alpha2: PK}\n"), []string{"a2ovr.yaml", "IND", "PK", "PAK"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.file)
			if err == nil {
				t.Fatal("Load succeeded")
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestEmptyUserFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.yaml")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	mustLoad(t, p)
}

func TestConcurrentUse(t *testing.T) {
	l := mustLoad(t, filepath.Join("testdata", "user.yaml"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				l.CountryByName("Pakistan")
				l.Person("Alba Quell")
				l.Holder("XTL", "fm", engagement.Date{Year: 2021})
				l.Title("fm")
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOfficeHoldersCoverEveryState: each state of the table has someone in
// the office-holder table, and offices in the regional files resolve by date.
func TestOfficeHoldersCoverEveryState(t *testing.T) {
	l := embedded(t)
	has := map[string]bool{}
	for _, p := range l.People() {
		for _, o := range p.Offices {
			has[o.Country] = true
		}
	}
	for _, c := range l.Countries() {
		if !has[c.Code] {
			t.Errorf("%s (%s): no office holder in data/people*.yaml", c.Code, c.Name)
		}
	}
	for _, tc := range []struct{ country, title, on, want string }{
		{"SRB", "President", "2021-03-03", "Aleksandar Vučić"},
		{"RWA", "President", "2019-05-01", "Paul Kagame"},
		{"IRL", "Prime Minister", "2022-06-10", "Micheál Martin"},
		{"TWN", "President", "2021-03-03", "Tsai Ing-wen"},
		{"ECU", "President", "2019-06-01", "Lenín Moreno"},
	} {
		p, ok := l.Holder(tc.country, tc.title, date(t, tc.on))
		if !ok || p.Name != tc.want {
			got := "nobody"
			if ok {
				got = p.Name
			}
			t.Errorf("Holder(%s, %s, %s) = %s, want %s", tc.country, tc.title, tc.on, got, tc.want)
		}
	}
}
