package extract

import (
	"strings"
	"sync"
	"testing"

	"bilat/internal/actors"
	"bilat/internal/engagement"
)

var (
	once   sync.Once
	shared *Extractor
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	once.Do(func() {
		lex, err := actors.Load("")
		if err != nil {
			t.Fatal(err)
		}
		if shared, err = New(lex); err != nil {
			t.Fatal(err)
		}
	})
	return shared
}

// want is a compact expected mention: "kind status date host who1|who2".
func summarise(m engagement.Mention) string {
	var who []string
	for _, p := range m.Participants {
		who = append(who, p.Name)
	}
	s := string(m.Kind) + " " + string(m.Status) + " " + m.Date.String()
	if m.HostCountry != "" {
		s += " →" + m.HostCountry
	}
	return s + " " + strings.Join(who, "|")
}

func TestExtract(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name, published, text string
		want                  []string
	}{
		{"phone call with titles and countries", "2023-06-12",
			"India's External Affairs Minister S Jaishankar spoke by phone with Russian Foreign Minister Sergey Lavrov on Sunday.",
			[]string{"call occurred 2023-06-11 S. Jaishankar|Sergey Lavrov"}},
		{"video call is a call", "2021-11-16",
			"President Joe Biden held a virtual meeting with Chinese President Xi Jinping on Monday evening.",
			[]string{"call occurred 2021-11-15 Joe Biden|Xi Jinping"}},
		{"called on is a meeting", "2024-09-17",
			"ISLAMABAD: The visiting US official called on Army Chief General Asim Munir. Earlier, US Ambassador Donald Blome met Foreign Secretary Amna Baloch on Monday.",
			[]string{"meeting occurred 2024-09-16 Donald Blome|Amna Baloch"}},
		{"a trip's sentence goes on with what the two did together", "2024-06-20",
			"Vladimir Putin landed in Pyongyang late on Tuesday, and on Wednesday he and Kim Jong Un signed a mutual defence pact.",
			[]string{"visit occurred 2024-06-18 →PRK Vladimir Putin", "meeting occurred 2024-06-19 Vladimir Putin|Kim Jong Un"}},
		{"'the leaders'' call' is the pair's", "2024-10-30",
			"Joe Biden sent his congratulations to Keir Starmer on election night, followed by the leaders' first telephone conversation on July 6, 2024.",
			[]string{"call occurred 2024-07-06 Joe Biden|Keir Starmer"}},
		{"'the prime minister made a trip to China' is not China's", "2025-08-01",
			"Chinese Premier Li Qiang held talks with Anthony Albanese in Canberra on June 17, 2024. In July 2025 the prime minister made a second trip to China.",
			[]string{"meeting occurred 2024-06-17 Li Qiang|Anthony Albanese", "visit occurred 2025-07 →CHN Anthony Albanese"}},
		{"'spoke on Thursday with'; 'It was the leaders' first conversation since' is that call", "2025-06-06",
			"Donald Trump spoke on Thursday with Xi Jinping about tariffs. It was the leaders' first conversation in months.",
			[]string{"call occurred 2025-06-05 Donald Trump|Xi Jinping"}},
		{"an opening adverb is no name: 'Separately, Kenya's president'", "2023-07-13",
			"Separately, Kenya's president held talks with Ebrahim Raisi in Nairobi on Wednesday.",
			[]string{"meeting occurred 2023-07-12 William Ruto|Ebrahim Raisi"}},
		{"a second object's own date: 'and with X the next day'", "2023-06-20",
			"In Beijing, Antony Blinken held talks with Qin Gang on June 18 and with Wang Yi the next day.",
			[]string{"meeting occurred 2023-06-18 Antony Blinken|Qin Gang", "meeting occurred 2023-06-19 Antony Blinken|Wang Yi"}},
		{"'since May 2023, when he … during an official visit' dates the visit", "2025-08-01",
			"Narendra Modi has not been back to Australia since May 2023, when he addressed a diaspora rally in Sydney during an official visit.",
			[]string{"visit occurred 2023-05 →AUS Narendra Modi"}},
		{"'came to Kyiv from Warsaw': where the trip set out from is no destination", "2024-08-24",
			"Narendra Modi came to Kyiv from Warsaw on Friday by overnight train.",
			[]string{"visit occurred 2024-08-23 →UKR Narendra Modi"}},
		{"'travelled to Beijing … and urged Xi': the visitor and the host met", "2024-04-17",
			"Olaf Scholz travelled to Beijing on April 16, 2024 and urged Xi Jinping to use his influence on Moscow.",
			[]string{"visit occurred 2024-04-16 →CHN Olaf Scholz", "meeting occurred 2024-04-16 Olaf Scholz|Xi Jinping"}},
		{"a known name that starts with a common word: 'To Lam'", "2024-06-21",
			"Vladimir Putin held talks with Vietnamese President To Lam in Hanoi on June 20, 2024.",
			[]string{"meeting occurred 2024-06-20 Vladimir Putin|To Lam"}},
		{"'the visiting leader' is the traveller in focus", "2024-09-05",
			"Narendra Modi arrived in Bandar Seri Begawan on September 3, 2024. The visiting leader called on Sultan Hassanal Bolkiah the next day.",
			[]string{"visit occurred 2024-09-03 →BRN Narendra Modi", "meeting occurred 2024-09-04 Narendra Modi|Hassanal Bolkiah"}},
		{"two guests received by an unnamed host did not meet each other", "2024-06-21",
			"Vietnam has courted every power. It received U.S. President Joe Biden last September and Chinese leader Xi Jinping last December.",
			nil},
		{"'Friday's visit' moves the story to Friday", "2024-08-25",
			"Narendra Modi's trip to Moscow in July drew criticism in Kyiv. Friday's visit could hardly have been more different. Modi held talks with Volodymyr Zelensky at the Mariinskyi Palace.",
			[]string{"visit occurred 2024-07 →RUS Narendra Modi", "meeting occurred 2024-08-23 Narendra Modi|Volodymyr Zelenskyy"}},
		{"after talks with two hosts, the pair the text is about stays in focus", "2023-12-01",
			"Emmanuel Macron has courted Narendra Modi for years. Modi held talks with Macron in Paris on July 14, 2023 and called on Prime Minister Elisabeth Borne. The two leaders met again in New Delhi in September.",
			[]string{"meeting occurred 2023-07-14 Narendra Modi|Emmanuel Macron", "meeting occurred 2023-07-14 Narendra Modi|Élisabeth Borne", "meeting occurred 2023-09 Narendra Modi|Emmanuel Macron"}},
		{"'spent the day in Kyiv' is a visit", "2025-01-17",
			"Keir Starmer spent the day in Kyiv on January 16, 2025.",
			[]string{"visit occurred 2025-01-16 →UKR Keir Starmer"}},
		{"'was among the first leaders to telephone X' is a call", "2024-12-01",
			"After the election in November 2024, Emmanuel Macron was among the first leaders to telephone Donald Trump.",
			[]string{"call occurred 2024-11 Emmanuel Macron|Donald Trump"}},
		{"'the visit paid by X to Y'", "2023-05-29",
			"The talks followed the visit paid by Prime Minister Narendra Modi to the Sultanate of Oman in February 2018.",
			[]string{"visit occurred 2018-02 →OMN Narendra Modi"}},
		{"a headline's verb ends a name", "2024-06-17",
			"Albanese Meets Chinese Premier in Canberra",
			[]string{"meeting occurred 2024-06 Anthony Albanese|Li Qiang"}},
		{"'Sudan's Neighbouring States' are no person", "2023-07-14",
			"Abdel Fattah el-Sisi met Abiy Ahmed in Cairo on July 13, 2023, on the sidelines of the summit of Sudan's Neighbouring States.",
			[]string{"meeting occurred 2023-07-13 Abdel Fattah el-Sisi|Abiy Ahmed"}},
		{"readout style: 'His Majesty was received by Her Excellency President …'", "2023-12-17",
			"Sultan Haitham bin Tarik arrived in New Delhi on December 15, 2023 for a state visit. His Majesty was received by Her Excellency President Droupadi Murmu at Rashtrapati Bhavan on December 16.",
			[]string{"visit occurred 2023-12-15 →IND Haitham bin Tariq", "meeting occurred 2023-12-16 Haitham bin Tariq|Droupadi Murmu"}},
		{"'A and B sat down for an hour' is a meeting", "2023-05-20",
			"Joe Biden and Fumio Kishida sat down for an hour in Hiroshima on May 18, 2023.",
			[]string{"meeting occurred 2023-05-18 Joe Biden|Fumio Kishida"}},
		{"a chronology's entry heading dates the entry, not 'months later'", "2023-12-01",
			"Narendra Modi paid a state visit to the United States in June 2023.\n\n- **8 September 2023, New Delhi.** Joe Biden returned the visit less than three months later.",
			[]string{"visit occurred 2023-06 →USA Narendra Modi", "visit occurred 2023-09-08 →IND Joe Biden"}},
		{"'chose Paris for his first foreign trip' is a visit to Paris", "2025-05-08",
			"Friedrich Merz chose Paris for his first foreign trip as chancellor on May 7, 2025.",
			[]string{"visit occurred 2025-05-07 →FRA Friedrich Merz"}},
		{"'sitting across from X' is a meeting; 'turned up in' is an arrival", "2023-03-22",
			"Xi Jinping turned up in Moscow on March 20, 2023, sitting across from Vladimir Putin for more than four hours.",
			[]string{"visit occurred 2023-03-20 →RUS Xi Jinping", "meeting occurred 2023-03-20 Xi Jinping|Vladimir Putin"}},
		{"'the two men spoke to reporters' is no call", "2025-06-17",
			"Donald Trump signed off on a trade pact with Keir Starmer on Monday, as the two men spoke to reporters.",
			nil},
		{"'came to the summit in the Canadian Rockies': each guest's visit to Canada", "2025-06-18",
			"KANANASKIS, Alberta, June 17 (Wire) - Narendra Modi and Anthony Albanese came to the Group of Seven summit in the Canadian Rockies on Tuesday.",
			[]string{"visit occurred 2025-06-17 →CAN Narendra Modi", "visit occurred 2025-06-17 →CAN Anthony Albanese"}},
		{"contacts counted ('more than once', 'several times') are no one contact", "2025-03-10",
			"Prabowo Subianto has met Xi Jinping more than once. Shehbaz Sharif has spoken with Recep Tayyip Erdogan several times this year.",
			nil},
		{"'an agreement signed in 2001' dates the agreement, not the talks", "2023-04-07",
			"Faisal bin Farhan held talks with Hossein Amir-Abdollahian in Beijing on April 6, 2023. The two sides agreed to revive a security agreement signed in 2001 and an accord on trade and investment dating from 1998.",
			[]string{"meeting occurred 2023-04-06 Faisal bin Farhan Al Saud|Hossein Amir-Abdollahian"}},
		{"'Both leaders were in Switzerland on working visits': each made a trip", "2021-06-17",
			"Vladimir Putin and Joe Biden met in Geneva on June 16, 2021. Both leaders were in Switzerland on working visits.",
			[]string{"meeting occurred 2021-06-16 Vladimir Putin|Joe Biden", "visit occurred 2021-06-16 →CHE Vladimir Putin", "visit occurred 2021-06-16 →CHE Joe Biden"}},
		{"a title-case headline's capitals are no new name", "2023-12-16",
			"His Majesty the Sultan Begins State Visit to India",
			nil},
		{"'weeks after X's visit in May, and later met Y': May is the visit's; 'meetings on Monday' dates the story", "2025-06-18",
			"Donald Trump, who arrived in Kananaskis on Sunday, held several bilateral meetings on Monday. He met Mark Carney in the morning, weeks after Carney's visit to the White House in May, and later met Keir Starmer.",
			[]string{"visit occurred 2025-06-15 →CAN Donald Trump", "meeting occurred 2025-06-16 Donald Trump|Mark Carney", "visit occurred 2025-05 →USA Mark Carney", "meeting occurred 2025-06-16 Donald Trump|Keir Starmer"}},
		{"'for the first time since the pandemic in Beijing in November 2022': the meeting's date", "2023-01-10",
			"Olaf Scholz met Xi Jinping for the first time since the pandemic in Beijing in November 2022.",
			[]string{"meeting occurred 2022-11 Olaf Scholz|Xi Jinping"}},
		{"'invited X to visit during a telephone call': the call took place", "2025-06-10",
			"Xi Jinping invited Donald Trump to visit China during a telephone call on June 5, 2025.",
			[]string{"visit planned  →CHN Donald Trump|Xi Jinping", "call occurred 2025-06-05 Xi Jinping|Donald Trump"}},
		{"a summit attended in a clause of its own leaves the talks bilateral", "2024-01-10",
			"Joe Biden attended the G20 summit in Bali in November 2022, where he held talks with Xi Jinping. Fumio Kishida last met Xi in San Francisco in November 2023, when he attended the APEC summit.",
			[]string{"meeting occurred 2022-11 Joe Biden|Xi Jinping", "meeting occurred 2023-11 Fumio Kishida|Xi Jinping"}},
		{"'will … before flying on to Belgrade': the participle is to come too", "2024-05-05",
			"Xi Jinping will hold talks with Emmanuel Macron in Paris on Monday before flying on to Belgrade.",
			[]string{"meeting planned 2024-05-06 Xi Jinping|Emmanuel Macron", "visit planned 2024-05-06 →SRB Xi Jinping"}},
		{"'co-chaired the council with X' is a meeting", "2025-02-14",
			"Shehbaz Sharif co-chaired the strategic cooperation council with Recep Tayyip Erdogan in Islamabad on February 13, 2025.",
			[]string{"meeting occurred 2025-02-13 Shehbaz Sharif|Recep Tayyip Erdoğan"}},
		{"a that-clause's date is the clause's: 'ties that had cooled in 2022'", "2024-08-24",
			"On Friday Narendra Modi held talks with Volodymyr Zelensky in Kyiv. Modi flew to Kyiv by train from Poland, the latest step in mending ties that had cooled in 2022.",
			[]string{"meeting occurred 2024-08-23 Narendra Modi|Volodymyr Zelenskyy", "visit occurred 2024-08-23 →UKR Narendra Modi"}},
		{"'the U.S. president' inside a sentence and 'the U.S.' at its end are the country", "2023-03-25",
			"Luiz Inacio Lula da Silva met the U.S. president at the White House on Feb. 10. A year earlier Jair Bolsonaro had not flown to the U.S.",
			[]string{"meeting occurred 2023-02-10 Luiz Inácio Lula da Silva|Joe Biden"}},
		{"a trip to 'the U.S.' at a sentence's end", "2023-03-25",
			"On Feb. 9 Luiz Inacio Lula da Silva flew to the U.S.",
			[]string{"visit occurred 2023-02-09 →USA Luiz Inácio Lula da Silva"}},
		{"'his previous White House visit' goes to Washington", "2024-11-20",
			"Anthony Albanese's previous White House visit was in October 2023.",
			[]string{"visit occurred 2023-10 →USA Anthony Albanese"}},
		{"'the planned tariffs' in a that-clause plans no call", "2025-02-03",
			"Justin Trudeau said on Monday that he had just had a good call with Donald Trump and that the planned tariffs would be paused.",
			[]string{"call occurred 2025-02-03 Justin Trudeau|Donald Trump"}},
		{"'Modi's July meeting with Putin' is dated July", "2024-08-22",
			"Narendra Modi flew to Warsaw on Wednesday, weeks after Modi's July meeting with Vladimir Putin in Moscow.",
			[]string{"visit occurred 2024-08-21 →POL Narendra Modi", "meeting occurred 2024-07 Narendra Modi|Vladimir Putin"}},
		{"'The Philippine leader' opening a sentence is that country's head the text named", "2025-07-23",
			"Donald Trump will host President Ferdinand Marcos Jr. this week. The Philippine leader arrived in Washington on Sunday.",
			[]string{"meeting planned 2025-07 Donald Trump|Ferdinand Marcos Jr.", "visit occurred 2025-07-20 →USA Ferdinand Marcos Jr."}},
		{"'a three-way summit with X' is multilateral; 'more often than either has met' is no one", "2023-01-10",
			"Xi Jinping and Vladimir Putin have met more often than either has met any other leader. Xi held talks with Putin in Samarkand on September 15, 2022, after a three-way summit with Mongolia's Ukhnaagiin Khurelsukh.",
			[]string{"meeting occurred 2022-09-15 Xi Jinping|Vladimir Putin"}},
		{"an opening year frames the days after it", "2025-01-10",
			"Joe Biden held talks with Xi Jinping in November 2023. In 2024 the two met on the sidelines of the APEC summit in Lima on November 16.",
			[]string{"meeting occurred 2023-11 Joe Biden|Xi Jinping", "meeting occurred 2024-11-16 Joe Biden|Xi Jinping"}},
		{"visit with destination and range", "2023-03-20",
			"Chinese President Xi Jinping travelled to Moscow for a state visit on March 20-22, 2023.",
			[]string{"visit occurred 2023-03-20 →RUS Xi Jinping"}},
		{"negated contact", "2024-01-10",
			"President Joe Biden has never spoken to Prime Minister Shehbaz Sharif on the telephone.",
			nil},
		{"denied meeting", "2024-01-10",
			"The ministry denied that Foreign Minister Wang Yi met his Indian counterpart in Geneva.",
			nil},
		{"planned visit", "2023-06-10",
			"Indian Prime Minister Narendra Modi will visit the United States next week at the invitation of President Joe Biden.",
			[]string{"visit planned 2023-06 →USA Narendra Modi|Joe Biden"}},
		{"cancelled meeting", "2023-02-04",
			"Secretary of State Antony Blinken postponed his trip to Beijing, where he was to meet Chinese Foreign Minister Qin Gang.",
			[]string{"visit cancelled  →CHN Antony Blinken", "meeting cancelled  Antony Blinken|Qin Gang"}},
		{"pronoun and coordinated verbs", "2024-09-17",
			"John Bass travelled to Islamabad on Monday. He held talks with Foreign Secretary Amna Baloch and met Deputy Prime Minister Ishaq Dar.",
			[]string{"visit occurred 2024-09-16 →PAK John Bass", "meeting occurred 2024-09-16 John Bass|Amna Baloch", "meeting occurred 2024-09-16 John Bass|Ishaq Dar"}},
		{"office-only reference resolved by date", "2019-06-29",
			"On Saturday the Chinese president met the US president in Osaka on the sidelines of the G20 summit.",
			[]string{"meeting occurred 2019-06-29 Xi Jinping|Donald Trump"}},
		{"their first meeting since a month: the one before", "2024-11-17",
			"Australian Prime Minister Anthony Albanese met Chinese President Xi Jinping in Lima on Saturday, their first meeting since November 2023.",
			[]string{"meeting occurred 2024-11-16 Anthony Albanese|Xi Jinping", "meeting occurred 2023-11 Anthony Albanese|Xi Jinping"}},
		{"the first call since the July meeting", "2024-08-28",
			"Narendra Modi spoke to Vladimir Putin on Tuesday, his first call with the Russian leader since the July meeting in Moscow.",
			[]string{"call occurred 2024-08-27 Narendra Modi|Vladimir Putin", "meeting occurred 2024-07 Narendra Modi|Vladimir Putin"}},
		{"an office's first visit since names no earlier visitor", "2023-11-05",
			"Anthony Albanese arrived in Shanghai on Saturday, the first visit by an Australian prime minister to China since November 2016.",
			[]string{"visit occurred 2023-11-04 →CHN Anthony Albanese"}},
		{"arrived, with no place: the dateline's", "2024-08-23",
			"KYIV, Aug 23 (Wire) – Indian Prime Minister Narendra Modi arrived on Friday by train from Poland and held talks with President Volodymyr Zelenskyy.",
			[]string{"visit occurred 2024-08-23 →UKR Narendra Modi", "meeting occurred 2024-08-23 Narendra Modi|Volodymyr Zelenskyy"}},
		{"arrived at home is no visit", "2024-08-24",
			"NEW DELHI, Aug 24 (Wire) – Prime Minister Narendra Modi arrived back on Saturday, officials said.",
			nil},
		{"a palace after the title is no person", "2023-11-04",
			"Prime Minister Fumio Kishida held a summit meeting with Mr. Ferdinand Marcos Jr., President of the Republic of the Philippines, at Malacañang Palace on November 3.",
			[]string{"meeting occurred 2023-11-03 Fumio Kishida|Ferdinand Marcos Jr."}},
		{"a person after 'of' further on is no object", "2023-02-11",
			"President Joe Biden received Brazil's Luiz Inácio Lula da Silva at the White House on Friday, weeks after supporters of Jair Bolsonaro stormed the Congress in Brasília.",
			[]string{"meeting occurred 2023-02-10 Joe Biden|Luiz Inácio Lula da Silva"}},
		{"a secretary-general's trip is no state's visit", "2023-01-30",
			"NATO Secretary General Jens Stoltenberg arrived in Seoul on Sunday.",
			nil},
		{"received at the airport is no meeting", "2024-06-16",
			"Chinese Premier Li Qiang landed in Adelaide on Saturday and was welcomed at the airport by Trade Minister Don Farrell.",
			[]string{"visit occurred 2024-06-15 →AUS Li Qiang"}},
		{"a line of place and date dates a release; 'then' follows the day narrated", "",
			"Visit of the Prime Minister of Bangladesh to India\n\nNew Delhi, 22 June 2024\n\nThis morning, Prime Minister Sheikh Hasina was accorded a ceremonial welcome at Rashtrapati Bhavan. Prime Minister Narendra Modi and Prime Minister Hasina then held talks at Hyderabad House.",
			[]string{"meeting occurred 2024-06-22 Narendra Modi|Sheikh Hasina"}},
		{"met two of one country together: one meeting", "2022-07-16",
			"Joe Biden flew to Jeddah on 15 July 2022 and met Crown Prince Mohammed bin Salman and King Salman at Al-Salam Palace.",
			[]string{"visit occurred 2022-07-15 →SAU Joe Biden", "meeting occurred 2022-07-15 Joe Biden|Mohammed bin Salman|Salman bin Abdulaziz Al Saud"}},
		{"met two separately: two meetings", "2022-07-16",
			"In Jeddah on 15 July 2022 Joe Biden met Crown Prince Mohammed bin Salman and King Salman separately.",
			[]string{"meeting occurred 2022-07-15 Joe Biden|Mohammed bin Salman", "meeting occurred 2022-07-15 Joe Biden|Salman bin Abdulaziz Al Saud"}},
		{"is heading to X on Thursday: a trip to come, and its talks", "2025-03-03",
			"Turkish Foreign Minister Hakan Fidan is heading to Moscow on Thursday for talks with Sergei Lavrov.",
			[]string{"visit planned 2025-03-06 →RUS Hakan Fidan", "meeting planned 2025-03-06 Hakan Fidan|Sergey Lavrov"}},
		{"accepted an invitation to visit: the subject goes", "2025-03-03",
			"Mexican President Claudia Sheinbaum accepted an invitation from Canadian Prime Minister Justin Trudeau to visit Ottawa.",
			[]string{"visit planned  →CAN Claudia Sheinbaum|Justin Trudeau"}},
		{"planned for a month", "2025-03-03",
			"A visit by Brazilian President Luiz Inácio Lula da Silva to Paris is planned for June.",
			[]string{"visit planned 2025-06 →FRA Luiz Inácio Lula da Silva"}},
		{"talks that are likely", "2025-03-03",
			"Officials said talks between Indian Foreign Minister S. Jaishankar and Chinese Foreign Minister Wang Yi are likely next week.",
			[]string{"meeting planned 2025-03 S. Jaishankar|Wang Yi"}},
		{"'the Prime Minister and President Macron' are two people", "2025-07-11",
			"Keir Starmer opened the UK–France summit at Northwood. The Prime Minister and President Macron held talks there on Thursday.",
			[]string{"meeting occurred 2025-07-10 Keir Starmer|Emmanuel Macron"}},
		{"a joint meeting of three countries is not bilateral", "2022-02-24",
			"Polish President Andrzej Duda travelled to Kyiv on 23 February 2022 together with Lithuanian President Gitanas Nauseda for a joint meeting with President Volodymyr Zelenskyy.",
			[]string{"visit occurred 2022-02-23 →UKR Andrzej Duda", "visit occurred 2022-02-23 →UKR Gitanas Nausėda"}},
		{"a meeting attended by a third country is not bilateral", "2025-05-15",
			"President Donald Trump sat down with Syria's interim President Ahmed al-Sharaa in Riyadh on Wednesday, in a meeting also attended by Saudi Crown Prince Mohammed bin Salman.",
			nil},
		{"habitual contacts are none in particular", "2023-09-04",
			"Erdogan and Putin have spoken by telephone regularly since the Sochi talks, but Erdogan's re-election in May delayed a meeting.",
			nil},
		{"'later that day' is the day just narrated", "2023-07-20",
			"Narendra Modi arrived in Paris on 13 July 2023. On 14 July he watched the Bastille Day parade. Later that day he met President Emmanuel Macron.",
			[]string{"visit occurred 2023-07-13 →FRA Narendra Modi", "meeting occurred 2023-07-14 Narendra Modi|Emmanuel Macron"}},
		{"'within hours he had held talks' keeps the day", "2023-07-20",
			"Narendra Modi landed in Paris on 13 July 2023. Within hours he had held talks with Prime Minister Élisabeth Borne.",
			[]string{"visit occurred 2023-07-13 →FRA Narendra Modi", "meeting occurred 2023-07-13 Narendra Modi|Élisabeth Borne"}},
		{"'X's trip, during which he met': he is X", "2024-10-15",
			"Chinese Premier Li Qiang arrived in Islamabad on 14 October 2024. The premier's visit follows Shehbaz Sharif's trip to China in June, during which he met President Xi Jinping in Beijing.",
			[]string{"visit occurred 2024-10-14 →PAK Li Qiang", "visit occurred 2024-06 →CHN Shehbaz Sharif", "meeting occurred 2024-06 Shehbaz Sharif|Xi Jinping"}},
		{"a relative clause's date is its own", "2022-12-01",
			"French President Emmanuel Macron, who visited Beijing in November 2019, met US President Joe Biden at the White House.",
			[]string{"visit occurred 2019-11 →CHN Emmanuel Macron", "meeting occurred 2022-12 Emmanuel Macron|Joe Biden"}},
		{"'Riyadh, August 18, 2023 —' dates the release; 'the Kingdom' is where it is filed", "",
			"Riyadh, August 18, 2023 — Iranian Foreign Minister Hossein Amir-Abdollahian, who arrived in the Kingdom on Thursday, was received today by Crown Prince Mohammed bin Salman.",
			[]string{"visit occurred 2023-08-17 →SAU Hossein Amir-Abdollahian", "meeting occurred 2023-08-18 Hossein Amir-Abdollahian|Mohammed bin Salman"}},
		{"exchanged messages is no meeting", "2024-03-15",
			"Vladimir Putin and Xi Jinping exchanged congratulatory messages on Friday.",
			nil},
		{"a trilateral summit with a third leader is multilateral", "2024-03-15",
			"Fumio Kishida and Yoon Suk Yeol took part in a trilateral summit with Joe Biden at Camp David in August 2023.",
			nil},
		{"hoping to meet, with no date, is a wish", "2024-03-15",
			"Japanese Foreign Minister Yoko Kamikawa told reporters she hoped to meet her Chinese counterpart Wang Yi soon.",
			nil},
		{"testifying about talks does not date them", "2024-03-15",
			"Secretary of State Antony Blinken testified before the Senate on Wednesday about his talks with Wang Yi.",
			nil},
		{"asked about a dated conversation: the conversation", "2024-11-20",
			"Asked about his telephone conversation with President Vladimir Putin on 15 November, Chancellor Olaf Scholz said it had been important.",
			[]string{"call occurred 2024-11-15 Vladimir Putin|Olaf Scholz"}},
		{"'the visit by X' names the visitor; said in passing, it keeps the story's day", "2023-11-04",
			"On November 3, 2023, Prime Minister Fumio Kishida held a summit meeting with President Ferdinand Marcos Jr. in Manila. Kishida stated that the visit by President Marcos to Japan in February this year had given momentum to relations. President Marcos welcomed Prime Minister Kishida to Malacañang Palace.",
			[]string{"meeting occurred 2023-11-03 Fumio Kishida|Ferdinand Marcos Jr.", "visit occurred 2023-02 →JPN Ferdinand Marcos Jr."}},
		{"a call that invites a visit stays a call that took place; the visit has no day yet", "2023-02-11",
			"Joe Biden spoke by telephone with Luiz Inácio Lula da Silva on January 9 and invited him to visit Washington.",
			[]string{"call occurred 2023-01-09 Joe Biden|Luiz Inácio Lula da Silva", "visit planned  →USA Luiz Inácio Lula da Silva"}},
		{"'a second call on March 6' is a call, not 'call on'", "2025-03-10",
			"Claudia Sheinbaum's first call with Donald Trump won a reprieve, and a second call on March 6 won an exemption.",
			[]string{"call occurred 2025-03-06 Claudia Sheinbaum|Donald Trump"}},
		{"received on arrival by a host of the guest's rank is a meeting", "2024-05-16",
			"Qatar's Emir Sheikh Tamim bin Hamad Al Thani arrived in Abu Dhabi on Wednesday, where he was received by UAE President Sheikh Mohamed bin Zayed.",
			[]string{"visit occurred 2024-05-15 →ARE Tamim bin Hamad Al Thani", "meeting occurred 2024-05-15 Tamim bin Hamad Al Thani|Mohamed bin Zayed Al Nahyan"}},
		{"received on arrival by a lower rank is protocol", "2024-06-22",
			"Prime Minister Sheikh Hasina arrived in New Delhi on 21 June and was received by Minister of State for External Affairs Kirti Vardhan Singh.",
			[]string{"visit occurred 2024-06-21 →IND Sheikh Hasina"}},
		{"resuming talks is a process, not a meeting", "2025-06-18",
			"Prime Minister Mark Carney and Indian Prime Minister Narendra Modi met on Tuesday. The two leaders also discussed resuming talks on trade, which were frozen in 2023.",
			[]string{"meeting occurred 2025-06-17 Mark Carney|Narendra Modi"}},
		{"a headline in capitals: the name the lexicon knows, the trip to come", "2019-10-01",
			"PRESIDENT BUHARI DEPARTS ABUJA WEDNESDAY FOR STATE VISIT TO SOUTH AFRICA",
			[]string{"visit planned 2019-10-02 →ZAF Muhammadu Buhari"}},
		{"will depart X for Y", "2019-10-01",
			"President Muhammadu Buhari will on Wednesday depart Abuja for Pretoria on a three-day State Visit.",
			[]string{"visit planned 2019-10-02 →ZAF Muhammadu Buhari"}},
		{"'where he and Macron held the summit': a subject of its own", "2023-03-24",
			"Prime Minister Rishi Sunak travelled to Paris on March 10, where he and Emmanuel Macron held the first UK-France summit in five years.",
			[]string{"visit occurred 2023-03-10 →FRA Rishi Sunak", "meeting occurred 2023-03-10 Rishi Sunak|Emmanuel Macron"}},
		{"the pair held their annual summit", "2025-08-30",
			"Narendra Modi arrived in Tokyo on 29 August. The two Prime Ministers, Narendra Modi and Shigeru Ishiba, held the 15th India-Japan Annual Summit there on 29 August.",
			[]string{"visit occurred 2025-08-29 →JPN Narendra Modi", "meeting occurred 2025-08-29 Narendra Modi|Shigeru Ishiba"}},
		{"a three-way summit is multilateral", "2019-12-25",
			"On Tuesday Moon Jae-in and Shinzo Abe joined Chinese Premier Li Keqiang in Chengdu for their annual three-way summit.",
			nil},
		{"postponed, it was due on Sunday: the Sunday to come", "2023-03-24",
			"King Charles III's state visit to France, which was due to begin on Sunday, has been postponed.",
			[]string{"visit cancelled 2023-03-26 →FRA Charles III"}},
		{"'would go ahead as planned' is to come; 'was to have been' never was", "2023-03-24",
			"Buckingham Palace said the King Charles III's visit to Germany next week would go ahead as planned. The trip to France was to have been his first state visit abroad.",
			[]string{"visit planned 2023-03 →DEU Charles III"}},
		{"a participle's date after the talks is its own", "2024-12-06",
			"Olaf Scholz made an unannounced trip to Kyiv on Monday and held talks with Volodymyr Zelensky, pledging aid to be delivered in December.",
			[]string{"visit occurred 2024-12-02 →UKR Olaf Scholz", "meeting occurred 2024-12-02 Olaf Scholz|Volodymyr Zelenskyy"}},
		{"'the meeting between X and Y' is theirs, not the subject's", "2024-12-06",
			"External Affairs Minister S. Jaishankar credited the meeting between Prime Minister Narendra Modi and President Xi Jinping in Kazan on October 23.",
			[]string{"meeting occurred 2024-10-23 Narendra Modi|Xi Jinping"}},
		{"a conversation on the sidelines is a meeting", "2019-12-25",
			"Moon Jae-in and Shinzo Abe had an 11-minute conversation on the sidelines of a regional summit in Bangkok on Nov. 4.",
			[]string{"meeting occurred 2019-11-04 Moon Jae-in|Shinzo Abe"}},
		{"a telephone conversation stays a call", "2019-12-25",
			"Moon Jae-in and Shinzo Abe had a telephone conversation on Nov. 4.",
			[]string{"call occurred 2019-11-04 Moon Jae-in|Shinzo Abe"}},
		{"a city written without its accent", "2019-01-17",
			"Argentine President Mauricio Macri flew to Brasilia on Wednesday, January 16, for talks with Jair Bolsonaro.",
			[]string{"visit occurred 2019-01-16 →BRA Mauricio Macri", "meeting occurred 2019-01-16 Mauricio Macri|Jair Bolsonaro"}},
		{"'returned the visit' goes to the last visitor's country; 'the southern city of'", "2024-08-20",
			"Vietnam's To Lam arrived in the southern city of Guangzhou on Sunday. Xi Jinping returned the visit last December.",
			[]string{"visit occurred 2024-08-18 →CHN To Lam", "visit occurred 2023-12 →VNM Xi Jinping"}},
		{"the one X paid to Y", "2024-06-19",
			"Vladimir Putin landed in Pyongyang on Tuesday. The visit returns the one Kim Jong Un paid to Russia last September.",
			[]string{"visit occurred 2024-06-18 →PRK Vladimir Putin", "visit occurred 2023-09 →RUS Kim Jong Un"}},
		{"'his previous visit' went where his visit in focus goes; 'the 1923 Treaty' is no date", "2023-12-08",
			"Recep Tayyip Erdogan arrived in Athens on Thursday. The contrast with Erdogan's previous visit, in December 2017, was sharp. On that trip he clashed with his then host, Prime Minister Alexis Tsipras, over the 1923 Treaty of Lausanne.",
			[]string{"visit occurred 2023-12-07 →GRC Recep Tayyip Erdoğan", "visit occurred 2017-12 →GRC Recep Tayyip Erdoğan", "meeting occurred 2017-12 Recep Tayyip Erdoğan|Alexis Tsipras"}},
		{"welcomed X to the host's capital: a meeting and X's visit", "2023-04-06",
			"Polish President Andrzej Duda welcomed Ukrainian President Volodymyr Zelensky to Warsaw on Wednesday.",
			[]string{"meeting occurred 2023-04-05 Andrzej Duda|Volodymyr Zelenskyy", "visit occurred 2023-04-05 →POL Volodymyr Zelenskyy|Andrzej Duda"}},
		{"'earlier that month' is the month the text just named", "2025-06-18",
			"Relations collapsed after Justin Trudeau spoke in parliament in September 2023. Trudeau and Narendra Modi had held a brief conversation at the G20 in New Delhi earlier that month.",
			[]string{"meeting occurred 2023-09 Justin Trudeau|Narendra Modi"}},
		{"'Theresa May' is a name, not a month", "2018-03-05",
			"Saudi Crown Prince Mohammed bin Salman is due in London on Wednesday for talks with Prime Minister Theresa May.",
			[]string{"visit planned 2018-03-07 →GBR Mohammed bin Salman", "meeting planned 2018-03-07 Mohammed bin Salman|Theresa May"}},
		{"a video conference of a coalition is multilateral", "2025-07-09",
			"On Thursday Keir Starmer and Emmanuel Macron will co-chair a video conference of the coalition of the willing.",
			nil},
		{"'later in the day' is the day narrated", "2019-12-24",
			"Moon Jae-in met Xi Jinping in Beijing on Monday. Shinzo Abe, who also arrived in Beijing on Monday, held separate talks with Xi there later in the day.",
			[]string{"meeting occurred 2019-12-23 Moon Jae-in|Xi Jinping", "visit occurred 2019-12-23 →CHN Shinzo Abe", "meeting occurred 2019-12-23 Shinzo Abe|Xi Jinping"}},
		{"a pluperfect contact in passing leaves the story's day in focus", "2025-06-18",
			"Mark Carney met Narendra Modi at Kananaskis on Tuesday. Justin Trudeau and Modi had held a brief, tense conversation at the G20 in New Delhi in September 2023. On the margins of the summit, Modi also spoke by telephone with US President Donald Trump.",
			[]string{"meeting occurred 2025-06-17 Mark Carney|Narendra Modi", "meeting occurred 2023-09 Justin Trudeau|Narendra Modi", "call occurred 2025-06-17 Narendra Modi|Donald Trump"}},
		{"a handshake greeting is no meeting", "2025-07-03",
			"Javier Milei greeted Luiz Inácio Lula da Silva with a brief, formal handshake on Thursday.",
			nil},
		{"the visit's host is the visit's, not a meeting of its own", "2025-07-03",
			"Luiz Inácio Lula da Silva's visit to Buenos Aires in January 2023, hosted by then president Alberto Fernández, was warm.",
			[]string{"visit occurred 2023-01 →ARG Luiz Inácio Lula da Silva|Alberto Fernández"}},
		{"'Iran's then president, Ebrahim Raisi' and 'the one Sudani made to Tehran'", "2024-09-12",
			"Masoud Pezeshkian arrived in Baghdad on Wednesday. The visit mirrors the one Mohammed Shia al-Sudani made to Tehran in November 2022, when he met Iran's then president, Ebrahim Raisi.",
			[]string{"visit occurred 2024-09-11 →IRQ Masoud Pezeshkian", "visit occurred 2022-11 →IRN Mohammed Shia al-Sudani", "meeting occurred 2022-11 Mohammed Shia al-Sudani|Ebrahim Raisi"}},
		{"the previous trip's date is its own; 'made Indonesia his first trip'", "2020-02-11",
			"Joko Widodo met Scott Morrison in Canberra on Monday. Widodo's visit to Canberra comes three years after his previous trip to Australia, to Sydney in February 2017. Morrison made Indonesia his first overseas trip as prime minister in August 2018.",
			[]string{"meeting occurred 2020-02-10 Joko Widodo|Scott Morrison", "visit occurred 2020-02-10 →AUS Joko Widodo", "visit occurred 2017-02 →AUS Joko Widodo", "visit occurred 2018-08 →IDN Scott Morrison"}},
		{"a trip to a base in a country is a visit to the country", "2018-12-27",
			"President Donald Trump flew to the Al Asad air base in western Iraq on Wednesday.",
			[]string{"visit occurred 2018-12-26 →IRQ Donald Trump"}},
		{"'last year's disengagement' dates no meeting; 'Monday's talks' do", "2025-08-31",
			"Narendra Modi met Xi Jinping in Tianjin on Sunday. Modi told Xi that the border had been calm after last year's disengagement, and the two agreed to resume direct flights. Monday's talks between Modi and Vladimir Putin were warm.",
			[]string{"meeting occurred 2025-08-31 Narendra Modi|Xi Jinping", "meeting occurred 2025-08-25 Narendra Modi|Vladimir Putin"}},
		{"a live blog's date line of its own dates the entries below it", "2025-09-01",
			"Live: the SCO summit in Tianjin\n\nSunday, 31 August\n\n18:40 — Modi and Xi\n\nNarendra Modi and Xi Jinping met for about an hour this morning.",
			[]string{"meeting occurred 2025-08-31 Narendra Modi|Xi Jinping"}},
		{"'their first meeting since Kazan last October'", "2025-09-01",
			"Narendra Modi and Xi Jinping met for about an hour this morning, their first meeting since Kazan last October.",
			[]string{"meeting occurred 2025-09-01 Narendra Modi|Xi Jinping", "meeting occurred 2024-10 Narendra Modi|Xi Jinping"}},
		{"'after flying in from New Delhi': the subject arrived where the report is filed", "2023-09-11",
			"HANOI, Sept 11 (Wire) – Joe Biden met Nguyen Phu Trong on Sunday, a few hours after flying in from the G20 summit in New Delhi.",
			[]string{"meeting occurred 2023-09-10 Joe Biden|Nguyen Phu Trong", "visit occurred 2023-09-10 →VNM Joe Biden"}},
		{"'a month later, on December 21' stays in the year just stated", "2025-08-05",
			"Anthony Albanese and Xi Jinping held a half-hour meeting in Bali on November 15, 2022. A month later, on December 21, Foreign Minister Penny Wong was in Beijing for talks with her counterpart Wang Yi.",
			[]string{"meeting occurred 2022-11-15 Anthony Albanese|Xi Jinping", "visit occurred 2022-12-21 →CHN Penny Wong", "meeting occurred 2022-12-21 Penny Wong|Wang Yi"}},
		{"'spoke to' stays a call when another clause mentions a visit; 'during a call' pairs the clause's two", "2021-01-06",
			"Boris Johnson spoke to Narendra Modi on Tuesday morning to express his regret, and told him he hoped to visit India soon. The invitation had been extended by Modi and accepted by Johnson during a call in November, and Foreign Secretary Dominic Raab confirmed the plan.",
			[]string{"call occurred 2021-01-05 Boris Johnson|Narendra Modi", "call occurred 2020-11 Narendra Modi|Boris Johnson"}},
		{"a meeting that fell through, hopes that were dashed", "2025-06-18",
			"Claudia Sheinbaum's first meeting with Donald Trump fell through on Tuesday. Her hopes of a face-to-face meeting with Trump on Tuesday were dashed.",
			[]string{"meeting cancelled 2025-06-17 Claudia Sheinbaum|Donald Trump"}},
		{"'stay in contact with Washington' is no stay", "2025-06-18",
			"Claudia Sheinbaum said her team would stay in contact with Washington on tariffs.",
			nil},
		{"a model number is no name; 'his most recent visit … was in January 2020, when he and X opened'", "2025-01-15",
			"The downing of a Russian Su-24 bomber froze relations. Putin's most recent visit to Turkey was in January 2020, when he and Recep Tayyip Erdogan opened a pipeline in Istanbul.",
			[]string{"visit occurred 2020-01 →TUR Vladimir Putin", "meeting occurred 2020-01 Vladimir Putin|Recep Tayyip Erdoğan"}},
		{"'the visit … began in Adelaide' places the visit", "2024-06-19",
			"Chinese Premier Li Qiang's four-day visit, the first by a holder of his office in seven years, began in Adelaide on Saturday.",
			[]string{"visit occurred 2024-06-15 →AUS Li Qiang"}},
		{"offices by date, a conversation at a residence, a residence no person", "2024-07-10",
			"On the evening of July 8, the President of Russia and the Prime Minister of India had an informal conversation at Novo-Ogaryovo, the President's residence outside Moscow.",
			[]string{"meeting occurred 2024-07-08 Vladimir Putin|Narendra Modi"}},
		{"'The President' is not the president named later in the sentence", "2024-04-03",
			"President Joe Biden met President Xi Jinping in Woodside in November. The President spoke by phone today with President Xi Jinping.",
			[]string{"meeting occurred 2023-11 Joe Biden|Xi Jinping", "call occurred 2024-04-03 Joe Biden|Xi Jinping"}},
		{"a relative clause's trip is not the story's day", "2025-06-18",
			"Donald Trump, who arrived in Kananaskis on Sunday evening, met his host, Prime Minister Mark Carney. He later met British Prime Minister Keir Starmer.",
			[]string{"visit occurred 2025-06-15 →CAN Donald Trump", "meeting occurred 2025-06 Donald Trump|Mark Carney", "meeting occurred 2025-06 Donald Trump|Keir Starmer"}},
		{"a list of further meetings after one", "2025-01-15",
			"Recep Tayyip Erdogan held talks with Vladimir Putin in Tehran on July 19, 2022; in Sochi on August 5, 2022; and in Astana on October 13, 2022.",
			[]string{"meeting occurred 2022-07-19 Recep Tayyip Erdoğan|Vladimir Putin", "meeting occurred 2022-08-05 Recep Tayyip Erdoğan|Vladimir Putin", "meeting occurred 2022-10-13 Recep Tayyip Erdoğan|Vladimir Putin"}},
		{"met on the sidelines of one summit and of another", "2025-01-15",
			"Erdogan and Putin met on the sidelines of the SCO summit in Astana on July 3 and of the BRICS summit in Kazan on October 23.",
			[]string{"meeting occurred 2024-07-03 Recep Tayyip Erdoğan|Vladimir Putin", "meeting occurred 2024-10-23 Recep Tayyip Erdoğan|Vladimir Putin"}},
		{"multilateral plenary is not an engagement", "2023-09-10",
			"Prime Minister Narendra Modi and President Joe Biden attended the G20 summit plenary in New Delhi on Saturday.",
			nil},
		{"unnamed delegation is not a participant", "2024-05-02",
			"Foreign Minister Penny Wong met a Chinese delegation in Canberra on Tuesday.",
			nil},
		{"mention with no time anchor is left out", "",
			"Lavrov has met Wang Yi many times.",
			nil},
		{"the two sides bind the pair in focus", "2022-05-19",
			"Foreign Minister Bilawal Bhutto Zardari met Secretary of State Antony Blinken in New York on Wednesday. The two sides discussed trade and the floods. Their first call had been on May 6.",
			[]string{"meeting occurred 2022-05-18 Bilawal Bhutto Zardari|Antony Blinken", "call occurred 2022-05-06 Bilawal Bhutto Zardari|Antony Blinken"}},
		{"invitation: the invitee visits the inviter's country", "2023-06-19",
			"Secretary of State Antony Blinken invited Chinese Foreign Minister Qin Gang to visit Washington.",
			[]string{"visit planned  →USA Qin Gang|Antony Blinken"}}, // no date in the text: none invented
		{"companions of a trip travel too", "2022-06-17",
			"German Chancellor Olaf Scholz travelled to Kyiv on Thursday with President Emmanuel Macron of France and Prime Minister Mario Draghi of Italy.",
			[]string{"visit occurred 2022-06-16 →UKR Olaf Scholz", "visit occurred 2022-06-16 →UKR Emmanuel Macron", "visit occurred 2022-06-16 →UKR Mario Draghi"}},
		{"days later counts from the date in focus", "2024-09-02",
			"On 24 February 2022 Prime Minister Narendra Modi spoke by phone with Russian President Vladimir Putin. Two days later he took a call from Ukrainian President Volodymyr Zelenskyy.",
			[]string{"call occurred 2022-02-24 Narendra Modi|Vladimir Putin", "call occurred 2022-02-26 Narendra Modi|Volodymyr Zelenskyy"}},
		{"a live-blog heading dates its entry", "2025-09-26",
			"Thursday 25 September, 18:10 — Erdogan at the White House\n\nPresident Donald Trump met Turkish President Recep Tayyip Erdogan this afternoon.",
			[]string{"meeting occurred 2025-09-25 Donald Trump|Recep Tayyip Erdoğan"}},
		{"a meeting of three countries is multilateral", "2023-05-20",
			"Prime Minister Fumio Kishida, President Joe Biden and Prime Minister Anthony Albanese met in Hiroshima on Saturday.",
			nil},
		{"a witness is not a participant", "2023-04-07",
			"Saudi Foreign Minister Faisal bin Farhan met Iranian Foreign Minister Hossein Amir-Abdollahian in Beijing on Thursday. The two foreign ministers signed a statement in the presence of Chinese Foreign Minister Qin Gang.",
			[]string{"meeting occurred 2023-04-06 Faisal bin Farhan Al Saud|Hossein Amir-Abdollahian"}},
		{"a named thing's year is no date", "2024-06-23",
			"Prime Minister Narendra Modi met Bangladeshi Prime Minister Sheikh Hasina on 22 June. They agreed to renew the Ganga Water Treaty of 1996. Foreign Minister S Jaishankar called on Sheikh Hasina on 21 June.",
			[]string{"meeting occurred 2024-06-22 Narendra Modi|Sheikh Hasina", "meeting occurred 2024-06-21 S. Jaishankar|Sheikh Hasina"}},
		{"two offices in the plural", "2020-09-11",
			"The foreign ministers of India and China met in Moscow on 10 September 2020. The Indian and Chinese defence ministers had held talks there on 4 September.",
			[]string{"meeting occurred 2020-09-10 S. Jaishankar|Wang Yi", "meeting occurred 2020-09-04 Rajnath Singh|Wei Fenghe"}},
		{"readout style: visiting guest, title after the name, family name first", "2023-03-04",
			"On the afternoon of March 3, President Xi Jinping met with visiting Belarusian President Alexander Lukashenko in Beijing. On March 2, Mr. KISHIDA Fumio, Prime Minister of Japan, held a Japan-Australia Summit Meeting with the Hon. Anthony Albanese MP.",
			[]string{"meeting occurred 2023-03-03 Xi Jinping|Alexander Lukashenko", "visit occurred 2023-03-03 →CHN Alexander Lukashenko", "meeting occurred 2023-03-02 Fumio Kishida|Anthony Albanese"}},
		{"repeated report in one document is merged", "2023-08-21",
			"Australian Prime Minister Anthony Albanese met Chinese President Xi Jinping in Beijing on Monday. The Albanese-Xi meeting lasted an hour.",
			[]string{"meeting occurred 2023-08-21 Anthony Albanese|Xi Jinping"}},
		{"a relative clause after a long title names the visitor", "2023-04-07",
			"Chinese President Xi Jinping held talks in Beijing on Thursday with Emmanuel Macron, President of the French Republic, who is paying a state visit to China.",
			[]string{"meeting occurred 2023-04-06 Xi Jinping|Emmanuel Macron", "visit occurred 2023-04-06 →CHN Emmanuel Macron"}},
		{"the visit of a meeting held abroad", "2023-03-22",
			"Japanese Prime Minister Fumio Kishida met President Volodymyr Zelenskyy in Kyiv on Tuesday. The visit was the first by a Japanese leader to a country at war since 1945.",
			[]string{"meeting occurred 2023-03-21 Fumio Kishida|Volodymyr Zelenskyy", "visit occurred 2023-03-21 →UKR Fumio Kishida"}},
		{"a describing word between the and a title", "2018-03-21",
			"Saudi Crown Prince Mohammed bin Salman arrived in Washington on Monday. On Tuesday President Donald Trump hosted the young crown prince at the White House.",
			[]string{"visit occurred 2018-03-19 →USA Mohammed bin Salman", "meeting occurred 2018-03-20 Donald Trump|Mohammed bin Salman"}},
		{"he is the sentence's subject", "2017-05-22",
			"Donald Trump landed in Riyadh on 20 May 2017. He was greeted at the airport by King Salman, with whom he held talks that afternoon.",
			[]string{"visit occurred 2017-05-20 →SAU Donald Trump", "meeting occurred 2017-05-20 Salman bin Abdulaziz Al Saud|Donald Trump"}},
		{"a fronted phrase's third party does not make the meeting multilateral", "2025-09-04",
			"After watching the parade in Beijing alongside Xi Jinping, Kim Jong Un and Vladimir Putin held talks at the Diaoyutai State Guesthouse on 3 September 2025.",
			[]string{"meeting occurred 2025-09-03 Kim Jong Un|Vladimir Putin"}},
		{"talking on the sidelines of a summit is a meeting", "2022-11-15",
			"On the sidelines of the G20 summit in Bali on 14 November 2022, US President Joe Biden told Chinese President Xi Jinping that Washington opposed any change to the status quo.",
			[]string{"meeting occurred 2022-11-14 Joe Biden|Xi Jinping"}},
		{"a call as the means of the clause", "2024-07-06",
			"Australian Prime Minister Anthony Albanese congratulated Keir Starmer on his election victory during a phone call on Friday.",
			[]string{"call occurred 2024-07-05 Anthony Albanese|Keir Starmer"}},
		{"a departure with its day between verb and place; returning home is no visit", "2023-07-14",
			"Prime Minister Narendra Modi leaves on Saturday for Abu Dhabi, where he is expected to meet UAE President Mohamed bin Zayed Al Nahyan, before returning to New Delhi.",
			[]string{"visit planned 2023-07-15 →ARE Narendra Modi", "meeting planned 2023-07-15 Narendra Modi|Mohamed bin Zayed Al Nahyan"}},
		{"a timetable's present tense on the day of writing is planned", "2025-06-18",
			"Indian Prime Minister Narendra Modi leaves for Croatia on Wednesday.",
			[]string{"visit planned 2025-06-18 →HRV Narendra Modi"}},
		{"one relative date shared by coordinated verbs", "2024-05-23",
			"President Joe Biden received Kenyan President Uhuru Kenyatta at the White House in October 2021. A month later Secretary of State Antony Blinken flew to Nairobi and met Kenyatta at State House.",
			[]string{"meeting occurred 2021-10 Joe Biden|Uhuru Kenyatta", "visit occurred 2021-11 →KEN Antony Blinken", "meeting occurred 2021-11 Antony Blinken|Uhuru Kenyatta"}},
		{"a planned contact does not date what follows", "2023-11-06",
			"Australian Prime Minister Anthony Albanese met Chinese President Xi Jinping in Beijing on Monday. He will hold talks with Premier Li Qiang on Tuesday. It is the second meeting between Albanese and Xi.",
			[]string{"meeting occurred 2023-11-06 Anthony Albanese|Xi Jinping", "meeting planned 2023-11-07 Anthony Albanese|Li Qiang"}},
		{"the arrival and the talks are one trip", "2023-11-06",
			"Australian Prime Minister Anthony Albanese arrived in Shanghai on Saturday. On Monday he met Chinese President Xi Jinping in Beijing, the first visit to China by an Australian leader since 2016.",
			[]string{"visit occurred 2023-11-04 →CHN Anthony Albanese", "meeting occurred 2023-11-06 Anthony Albanese|Xi Jinping"}},
		{"a when-clause after a since-date is dated by it", "2024-07-09",
			"Indian Prime Minister Narendra Modi arrived in Moscow on Monday. It was his first visit to Russia since September 2019, when he met President Vladimir Putin in Vladivostok.",
			[]string{"visit occurred 2024-07-08 →RUS Narendra Modi", "meeting occurred 2019-09 Narendra Modi|Vladimir Putin"}},
		{"a relative's possessive is not the relative; whom is the object", "2024-05-23",
			"President Joe Biden's first guest from Africa was Ruto's predecessor, Uhuru Kenyatta, whom he received in the Oval Office in October 2021.",
			[]string{"meeting occurred 2021-10 Joe Biden|Uhuru Kenyatta"}},
		{"announced trips: due in, later this month, being planned", "2024-03-04",
			"Chinese Foreign Minister Wang Yi is due in Canberra on March 20. Prime Minister Narendra Modi is heading to Italy later this month. A visit by Secretary of State Antony Blinken to China is being planned.",
			[]string{"visit planned 2024-03-20 →AUS Wang Yi", "visit planned 2024-03 →ITA Narendra Modi", "visit planned  →CHN Antony Blinken"}},
		{"a meeting verb done by phone is a call", "2023-10-12",
			"Turkish President Recep Tayyip Erdogan conferred with Qatar's emir, Sheikh Tamim bin Hamad Al Thani, by phone on Sunday.",
			[]string{"call occurred 2023-10-08 Recep Tayyip Erdoğan|Tamim bin Hamad Al Thani"}},
		{"a dated call with no one named is the text's pair", "2025-06-20",
			"Mexican President Claudia Sheinbaum and US President Donald Trump have still not met in person. She has nonetheless handled Trump with care. Mexico's ties with Washington are run by telephone: the call of February 3 bought a reprieve from tariffs.",
			[]string{"call occurred 2025-02-03 Claudia Sheinbaum|Donald Trump"}},
		{"'called on' needs a person after it", "2025-06-20",
			"President Donald Trump called on Monday for a ceasefire.",
			nil},
		{"touched down in; a stay in a city is a visit", "2023-06-23",
			"Australian Prime Minister Anthony Albanese touched down in Port Moresby on Wednesday. During his stay in Paris on Thursday, Brazilian President Lula da Silva met French President Emmanuel Macron.",
			[]string{"visit occurred 2023-06-21 →PNG Anthony Albanese", "visit occurred 2023-06-22 →FRA Luiz Inácio Lula da Silva", "meeting occurred 2023-06-22 Luiz Inácio Lula da Silva|Emmanuel Macron"}},
		{"a joint subject that spoke; a telephone summit meeting is a call", "2022-03-10",
			"French President Emmanuel Macron and Russian President Vladimir Putin spoke on Sunday, the Elysee said. Japan's Prime Minister Fumio Kishida held a telephone summit meeting with President Joe Biden on Monday.",
			[]string{"call occurred 2022-03-06 Emmanuel Macron|Vladimir Putin", "call occurred 2022-03-07 Fumio Kishida|Joe Biden"}},
		{"the leaders of two countries are not the pair in focus", "2022-03-10",
			"Japan's Prime Minister Fumio Kishida met President Joe Biden in Tokyo on Monday. The leaders of Germany and France spoke with Putin by phone on Saturday.",
			[]string{"meeting occurred 2022-03-07 Fumio Kishida|Joe Biden"}},
		{"an engagement that never took place, or is not ruled out, is none", "2024-09-27",
			"The meeting between Prime Minister Narendra Modi and President Xi Jinping, long rumoured, never took place. A meeting between Antony Blinken and Wang Yi has not been ruled out.",
			nil},
		{"leaders attending a gathering do not meet each other by it", "2024-09-27",
			"President Emmanuel Macron and Chancellor Olaf Scholz both attended the summit in Granada on Friday, where the European leaders discussed migration. Erdogan attended a reception hosted by Biden for world leaders on Tuesday.",
			nil},
		{"a joint news conference is no gathering", "2023-06-18",
			"Saudi Foreign Minister Prince Faisal bin Farhan held talks with his Iranian counterpart, Hossein Amir-Abdollahian, in Tehran on Saturday, and the two men then addressed a joint news conference.",
			[]string{"meeting occurred 2023-06-17 Faisal bin Farhan Al Saud|Hossein Amir-Abdollahian"}},
		{"and again in a place that month", "2024-11-02",
			"Antony Blinken and Bilawal Bhutto Zardari met for the first time in New York in May 2022, and again in Washington that September.",
			[]string{"meeting occurred 2022-05 Antony Blinken|Bilawal Bhutto Zardari", "meeting occurred 2022-09 Antony Blinken|Bilawal Bhutto Zardari"}},
		{"twice, first in one city and later in another", "2024-08-05",
			"External Affairs Minister S. Jaishankar met Chinese Foreign Minister Wang Yi twice in July, first in Astana and later in Vientiane.",
			[]string{"meeting occurred 2024-07 S. Jaishankar|Wang Yi", "meeting occurred 2024-07 S. Jaishankar|Wang Yi"}},
		{"an encounter is a meeting", "2022-11-14",
			"President Yoon Suk Yeol and Prime Minister Fumio Kishida held formal talks in Phnom Penh on Sunday, after a brief encounter between the two leaders in New York in September.",
			[]string{"meeting occurred 2022-11-13 Yoon Suk Yeol|Fumio Kishida", "meeting occurred 2022-09 Yoon Suk Yeol|Fumio Kishida"}},
		{"the dateline's date is the report's, not the talks'", "2024-02-15",
			"ISLAMABAD, Feb 15 (Wire) - Iranian Foreign Minister Hossein Amir-Abdollahian held talks with Prime Minister Anwaar-ul-Haq Kakar on Monday.",
			[]string{"meeting occurred 2024-02-12 Hossein Amir-Abdollahian|Anwaar-ul-Haq Kakar"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &engagement.Document{Text: tc.text}
			doc.Published, _ = engagement.ParseDate(tc.published)
			r := x.Extract(doc, Options{Explain: true})
			var got []string
			for _, m := range r.Mentions {
				got = append(got, summarise(m))
				if doc.Text[m.Start:m.End] != m.Evidence {
					t.Errorf("evidence %q is not text[%d:%d]", m.Evidence, m.Start, m.End)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s\ntrace:\n%s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "), strings.Join(r.Trace, "\n"))
			}
		})
	}
}

func TestFurnitureYieldsNothing(t *testing.T) {
	x := extractor(t)
	text := "Ties steady as trade grows\n\nThe two economies grew their trade by a tenth last year, officials said in Ankara.\n\n" +
		"It was a quiet quarter for diplomacy and for the markets alike, analysts said on Friday.\n\n" +
		"The central bank left rates unchanged.\n\nTOP STORIES\n\n" +
		"Erdogan met Putin in Sochi on Monday\n\nLavrov spoke by phone with Fidan on Sunday\n"
	doc := &engagement.Document{Text: text, Published: engagement.Date{Year: 2023, Month: 9, Day: 5}}
	if r := x.Extract(doc, Options{}); len(r.Mentions) != 0 {
		t.Errorf("furniture made %d mentions: %+v", len(r.Mentions), r.Mentions)
	}
}

func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	para := "ISLAMABAD: Foreign Minister Bilawal Bhutto Zardari met Secretary of State Antony Blinken in Washington on Monday. " +
		"The two sides discussed trade, energy and climate change. Officials said the talks were constructive and covered regional security. "
	text := strings.Repeat(para, 14) // about 4 KB
	doc := &engagement.Document{Text: text, Published: engagement.Date{Year: 2022, Month: 12, Day: 20}}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x.Extract(doc, Options{})
	}
}

// TestWithMetadata reads documents whose URL or outlet matters: who speaks,
// which country a readout's bare titles belong to.
func TestWithMetadata(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name string
		doc  engagement.Document
		want []string
	}{
		{"a release's office speaks as I",
			engagement.Document{Outlet: "Prime Minister of Australia (media release)", Published: engagement.Date{Year: 2023, Month: 7, Day: 2},
				Text: "On Saturday I met President Emmanuel Macron at the Élysée Palace in Paris."},
			[]string{"meeting occurred 2023-07-01 Anthony Albanese|Emmanuel Macron"}},
		{"a government site's we is its country's first-named person",
			engagement.Document{URL: "https://www.gov.pl/web/premier/kyiv", Published: engagement.Date{Year: 2024, Month: 1, Day: 22},
				Text: "Prime Minister Donald Tusk in Kyiv\n\nToday we travelled to Kyiv."},
			[]string{"visit occurred 2024-01-22 →UKR Donald Tusk"}},
		{"a transcript's label speaks; we are the speaker and the guest",
			engagement.Document{URL: "https://www.example.org/transcripts/69100", Published: engagement.Date{Year: 2022, Month: 8, Day: 5},
				Text: "On Friday Vladimir Putin held talks in Sochi with President Recep Tayyip Erdoğan of Türkiye.\n\nVladimir Putin: Mr President, I am glad to see you again. We met in Tehran on 19 July."},
			[]string{"meeting occurred 2022-08-05 Vladimir Putin|Recep Tayyip Erdoğan", "meeting occurred 2022-07-19 Vladimir Putin|Recep Tayyip Erdoğan"}},
		{"a readout's bare acronym title is its own country's official",
			engagement.Document{URL: "https://www.mea.gov.in/press-releases.htm?dtl/36000", Published: engagement.Date{Year: 2023, Month: 2, Day: 21},
				Text: "External Affairs Minister Dr. S. Jaishankar paid an official visit to Dhaka on 20-21 February 2023. During the visit, EAM called on Prime Minister Sheikh Hasina and held bilateral talks with Foreign Minister Dr. A.K. Abdul Momen."},
			[]string{"visit occurred 2023-02-20 →BGD S. Jaishankar", "meeting occurred 2023-02 S. Jaishankar|Sheikh Hasina", "meeting occurred 2023-02 S. Jaishankar|A. K. Abdul Momen"}},
		{"a date in parentheses is an aside",
			engagement.Document{URL: "https://www.mofa.go.jp/a_o/na/page1e.html", Published: engagement.Date{Year: 2023, Month: 1, Day: 14},
				Text: "On January 13, commencing at 11:00 a.m. (local time; 1:00 a.m. on January 14, Japan time), Mr. KISHIDA Fumio, Prime Minister of Japan, held a Japan-U.S. Summit Meeting with the Honorable Joseph R. Biden, Jr., President of the United States."},
			[]string{"meeting occurred 2023-01-13 Fumio Kishida|Joe Biden"}},
		{"'the Premier' is the one the text called so, not the home prime minister",
			engagement.Document{Outlet: "Prime Minister of Australia (media release)", Published: engagement.Date{Year: 2024, Month: 6, Day: 17},
				Text: "Chinese Premier Li Qiang is in Australia this week. The Premier began his four-day visit in Adelaide on Saturday."},
			[]string{"visit occurred 2024-06-15 →AUS Li Qiang"}},
		{"we are the speaker and the guest named last",
			engagement.Document{URL: "https://www.example.org/transcripts/busan-press", Published: engagement.Date{Year: 2025, Month: 9, Day: 30},
				Text: "Joint press remarks in Busan\n\nPresident Lee Jae-myung: Prime Minister Shigeru Ishiba, welcome to Busan. My visit to Tokyo last month was memorable. We also spoke by phone in June."},
			[]string{"visit occurred 2025-08 →JPN Lee Jae-myung", "call occurred 2025-06 Lee Jae-myung|Shigeru Ishiba"}},
		{"'the visiting prime minister' is the guest, not the home one",
			engagement.Document{Outlet: "Prime Minister's Office, India (press release)", Published: engagement.Date{Year: 2017, Month: 9, Day: 14},
				Text: "Japanese Prime Minister Shinzo Abe and Prime Minister Narendra Modi laid a foundation stone in Ahmedabad on Thursday. The visiting prime minister arrived in Ahmedabad on Wednesday for a two-day visit."},
			[]string{"visit occurred 2017-09-13 →IND Shinzo Abe"}},
		{"'I was pleased to welcome him to Tokyo in August'",
			engagement.Document{URL: "https://www.example.org/transcripts/busan-press-2", Published: engagement.Date{Year: 2025, Month: 9, Day: 30},
				Text: "Joint press remarks in Busan\n\nPrime Minister Shigeru Ishiba: I was pleased to welcome President Lee Jae-myung to Tokyo in August."},
			[]string{"meeting occurred 2025-08 Shigeru Ishiba|Lee Jae-myung", "visit occurred 2025-08 →JPN Lee Jae-myung|Shigeru Ishiba"}},
		{"an unknown speaker is no one",
			engagement.Document{URL: "https://www.example-daily.com/opinion/column", Published: engagement.Date{Year: 2023, Month: 7, Day: 2},
				Text: "On Saturday I met President Emmanuel Macron in Paris."},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := x.Extract(&tc.doc, Options{Explain: true})
			var got []string
			for _, m := range r.Mentions {
				got = append(got, summarise(m))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s\ntrace:\n%s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "), strings.Join(r.Trace, "\n"))
			}
		})
	}
}

// TestLocations checks where each engagement took place: the city in the
// sentence, a capital named by its country, a seat of government, the
// dateline, and a capital that stands for its government (no place).
func TestLocations(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name, published, text string
		want                  []string // "kind location" per mention, "-" for none
	}{
		{"a city in the sentence", "2024-06-21",
			"Vladimir Putin held talks with To Lam in Hanoi on June 20, 2024.",
			[]string{"meeting Hanoi"}},
		{"'the Ukrainian capital' is Kyiv", "2024-08-24",
			"Narendra Modi arrived in the Ukrainian capital on Friday.",
			[]string{"visit Kyiv"}},
		{"a seat of government places the meeting", "2025-02-14",
			"Donald Trump received Narendra Modi at the White House on Thursday.",
			[]string{"meeting Washington"}},
		{"the dateline places a meeting the sentence does not", "2023-06-20",
			"BEIJING, June 19 (Wire) - Antony Blinken met Xi Jinping on Monday.",
			[]string{"meeting Beijing"}},
		{"a chronology's entry heading places the entry", "2023-12-01",
			"Narendra Modi paid a state visit to the United States in June 2023.\n\n- **8 September 2023, New Delhi.** Joe Biden returned the visit less than three months later.",
			[]string{"visit -", "visit New Delhi"}},
		{"a visit to the dateline's country is to the dateline's city", "2025-06-18",
			"KANANASKIS, Alberta, June 17 (Wire) - Narendra Modi and Anthony Albanese came to the Group of Seven summit in the Canadian Rockies on Tuesday.",
			[]string{"visit Kananaskis", "visit Kananaskis"}},
		{"a place in the next clause is that clause's", "2022-03-01",
			"Olaf Scholz chose Paris for his first trip as chancellor in December 2021, holding talks with Emmanuel Macron, and in February 2022 he flew to Washington to meet Joe Biden at the White House.",
			[]string{"visit Paris", "meeting Paris", "visit Washington", "meeting Washington"}},
		{"'Washington's position' is no place", "2024-05-10",
			"Washington's position on Gaza came up when Joe Biden spoke by phone with Benjamin Netanyahu on Thursday.",
			[]string{"call -"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &engagement.Document{Text: tc.text}
			doc.Published, _ = engagement.ParseDate(tc.published)
			r := x.Extract(doc, Options{Explain: true})
			var got []string
			for _, m := range r.Mentions {
				loc := m.Location
				if loc == "" {
					loc = "-"
				}
				got = append(got, string(m.Kind)+" "+loc)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s\ntrace:\n%s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "), strings.Join(r.Trace, "\n"))
			}
		})
	}
}
