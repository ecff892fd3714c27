"""The redaction table, Presidio style: (text, expected [(TYPE, substring), ...]).

An empty list is a near miss: a message with numbers, dates or capitalised words that looks
like personal information and is not; it must come back unchanged. Substrings are located
left to right, so a substring that occurs twice is matched at successive occurrences.

:func:`score` computes recall and precision per type over the table; the tests and
``bench/redaction.py`` both use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

Expected = list[tuple[str, str]]

POSITIVE: list[tuple[str, Expected]] = [
    # ------------------------------------------------------------------ EMAIL
    ("my email is john.smith@gmail.com", [("EMAIL", "john.smith@gmail.com")]),
    ("Vous pouvez m'écrire à marie-claude.tremblay@videotron.ca merci",
     [("EMAIL", "marie-claude.tremblay@videotron.ca")]),
    ("email: PRIYA_PATEL88@Hotmail.com.", [("EMAIL", "PRIYA_PATEL88@Hotmail.com")]),
    ("send it to j.obrien+ircc@outlook.co.uk please", [("EMAIL", "j.obrien+ircc@outlook.co.uk")]),
    ("contact me at ahmed dot khan at gmail dot com", [("EMAIL", "ahmed dot khan at gmail dot com")]),
    ("mon courriel : jean.tremblay(at)gmail.com", [("EMAIL", "jean.tremblay(at)gmail.com")]),
    ("My e-mail changed to wei.zhang @ yahoo.ca last week", [("EMAIL", "wei.zhang @ yahoo.ca")]),
    ("emails: sarah@example.org and s.w@work.gc.ca",
     [("EMAIL", "sarah@example.org"), ("EMAIL", "s.w@work.gc.ca")]),
    ("Mon adresse courriel est francois.cote@sympatico.ca, pouvez-vous m'écrire?",
     [("EMAIL", "francois.cote@sympatico.ca")]),
    ("reply to raj.kumar1985 at gmail.com", [("EMAIL", "raj.kumar1985 at gmail.com")]),
    # ------------------------------------------------------------------ PHONE
    ("call me at (613) 555-0199", [("PHONE", "(613) 555-0199")]),
    ("my cell is 613-555-0199", [("PHONE", "613-555-0199")]),
    ("phone: 613.555.0199", [("PHONE", "613.555.0199")]),
    ("you can reach me at 6135550199 anytime", [("PHONE", "6135550199")]),
    ("+1 416 555 0123 is my number", [("PHONE", "+1 416 555 0123")]),
    ("my number is 1 (819) 555-0147", [("PHONE", "1 (819) 555-0147")]),
    ("Mon numéro de téléphone est le 514 555-0182", [("PHONE", "514 555-0182")]),
    ("appelez-moi au 450-555-0111 poste 204", [("PHONE", "450-555-0111 poste 204")]),
    ("my french number is +33 6 12 34 56 78", [("PHONE", "+33 6 12 34 56 78")]),
    ("UK mobile +44 20 7946 0958", [("PHONE", "+44 20 7946 0958")]),
    ("WhatsApp +91 98765 43210", [("PHONE", "+91 98765 43210")]),
    ("text me at 5875550143", [("PHONE", "5875550143")]),
    ("cell: 1-902-555-0155", [("PHONE", "1-902-555-0155")]),
    ("tél. : 06 12 34 56 78", [("PHONE", "06 12 34 56 78")]),
    ("Mon cellulaire: 418 555 0166, merci de me rappeler", [("PHONE", "418 555 0166")]),
    ("office 780-555-0123 ext. 45", [("PHONE", "780-555-0123 ext. 45")]),
    ("my phone number is 0044 7700 900123", [("PHONE", "0044 7700 900123")]),
    ("please call 5555550123", [("PHONE", "5555550123")]),
    ("my local number in Manila is 8123 4567, call me", [("PHONE", "8123 4567")]),
    ("phone +1-604-555-0170", [("PHONE", "+1-604-555-0170")]),
    # ------------------------------------------------------------------ CLIENT_ID
    ("my UCI is 1234-5678", [("CLIENT_ID", "1234-5678")]),
    ("UCI: 12-3456-7890", [("CLIENT_ID", "12-3456-7890")]),
    ("client ID 12345678", [("CLIENT_ID", "12345678")]),
    ("mon IUC est 1122334455", [("CLIENT_ID", "1122334455")]),
    ("numéro de client : 87654321", [("CLIENT_ID", "87654321")]),
    ("Unique client identifier 11-2233-4455", [("CLIENT_ID", "11-2233-4455")]),
    ("uci#12345678 thanks", [("CLIENT_ID", "12345678")]),
    ("my client number is 1234 5678", [("CLIENT_ID", "1234 5678")]),
    ("My uci number is 11 2233 4455 and I applied in 2023", [("CLIENT_ID", "11 2233 4455")]),
    ("I have 2 UCIs: 1111-2222 and 3333-4444",
     [("CLIENT_ID", "1111-2222"), ("CLIENT_ID", "3333-4444")]),
    ("IUC 00112233, dossier en attente", [("CLIENT_ID", "00112233")]),
    # ------------------------------------------------------------------ APPLICATION_NUMBER
    ("application number E001234567", [("APPLICATION_NUMBER", "E001234567")]),
    ("my file W307654321 is still in process", [("APPLICATION_NUMBER", "W307654321")]),
    ("numéro de demande : V123456789", [("APPLICATION_NUMBER", "V123456789")]),
    ("I got a letter about e001234567", [("APPLICATION_NUMBER", "e001234567")]),
    ("application # B 000 123 456", [("APPLICATION_NUMBER", "B 000 123 456")]),
    ("mon dossier F987654321 est bloqué", [("APPLICATION_NUMBER", "F987654321")]),
    ("case number 123456789", [("APPLICATION_NUMBER", "123456789")]),
    ("Express Entry profile X123456789 expired", [("APPLICATION_NUMBER", "X123456789")]),
    ("numéro de dossier 2024-0012345", [("APPLICATION_NUMBER", "2024-0012345")]),
    ("S300123456 and N400987654 are my kids' files",
     [("APPLICATION_NUMBER", "S300123456"), ("APPLICATION_NUMBER", "N400987654")]),
    # ------------------------------------------------------------------ PASSPORT
    ("passport number AB123456", [("PASSPORT", "AB123456")]),
    ("my passport is GA654321 and expires in 2027", [("PASSPORT", "GA654321")]),
    ("passeport : XK987654", [("PASSPORT", "XK987654")]),
    ("passport no. N1234567", [("PASSPORT", "N1234567")]),
    ("Indian passport J8369854", [("PASSPORT", "J8369854")]),
    ("numéro de passeport 12AB34567", [("PASSPORT", "12AB34567")]),
    ("US passport 123456789", [("PASSPORT", "123456789")]),
    ("my passport ab123456 was stolen", [("PASSPORT", "ab123456")]),
    ("Chinese passport E12345678 renewal", [("PASSPORT", "E12345678")]),
    # ------------------------------------------------------------------ SIN
    ("my SIN is 046 454 286", [("SIN", "046 454 286")]),
    ("SIN: 046-454-286", [("SIN", "046-454-286")]),
    ("mon NAS est le 046454286", [("SIN", "046454286")]),
    ("social insurance number 130 692 544", [("SIN", "130 692 544")]),
    ("numéro d'assurance sociale : 355 512 575", [("SIN", "355 512 575")]),
    ("here it is 240 040 410", [("SIN", "240 040 410")]),
    ("NAS 123 456 789", [("SIN", "123 456 789")]),
    ("it's 914-143-524 if you need it", [("SIN", "914-143-524")]),
    ("558417846", [("SIN", "558417846")]),
    ("my sin 204640775 was issued in 2019", [("SIN", "204640775")]),
    # ------------------------------------------------------------------ CREDIT_CARD
    ("card 4111 1111 1111 1111", [("CREDIT_CARD", "4111 1111 1111 1111")]),
    ("my credit card number is 5500-0000-0000-0004", [("CREDIT_CARD", "5500-0000-0000-0004")]),
    ("carte de crédit 4012888888881881", [("CREDIT_CARD", "4012888888881881")]),
    ("amex 3782 822463 10005", [("CREDIT_CARD", "3782 822463 10005")]),
    ("I paid with 6011 1111 1111 1117 but it was refused", [("CREDIT_CARD", "6011 1111 1111 1117")]),
    # a card's expiry date is masked with it (issue 14)
    ("5555555555554444 exp 04/27", [("CREDIT_CARD", "5555555555554444"), ("CREDIT_CARD", "04/27")]),
    # ------------------------------------------------------------------ POSTAL_CODE
    ("my postal code is K1A 0B1", [("POSTAL_CODE", "K1A 0B1")]),
    ("code postal h2x1y4", [("POSTAL_CODE", "h2x1y4")]),
    ("Ottawa ON K2P-1L4", [("POSTAL_CODE", "K2P-1L4")]),
    ("I moved to V6B 4Y8 area", [("POSTAL_CODE", "V6B 4Y8")]),
    # ------------------------------------------------------------------ ADDRESS
    ("I live at 123 Main Street", [("ADDRESS", "123 Main Street")]),
    ("my address is 45 rue Sainte-Catherine Ouest, Montréal",
     [("ADDRESS", "45 rue Sainte-Catherine Ouest")]),
    ("apt 4, 1200 boul. René-Lévesque", [("ADDRESS", "apt 4, 1200 boul. René-Lévesque")]),
    ("j'habite au 3500, chemin de la Côte-des-Neiges", [("ADDRESS", "3500, chemin de la Côte-des-Neiges")]),
    ("send it to 221B Baker St", [("ADDRESS", "221B Baker St")]),
    ("Unit 12, 555 Queen St. W, Toronto", [("ADDRESS", "Unit 12, 555 Queen St. W")]),
    ("I moved to 78 elm drive last month", [("ADDRESS", "78 elm drive")]),
    ("new address: 1600 Pennsylvania Ave NW", [("ADDRESS", "1600 Pennsylvania Ave NW")]),
    ("mail it to PO Box 1234", [("ADDRESS", "PO Box 1234")]),
    ("case postale 456, succursale B", [("ADDRESS", "case postale 456, succursale B")]),
    ("1 Yonge Street, Toronto", [("ADDRESS", "1 Yonge Street")]),
    ("je reste au 10 avenue des Pins", [("ADDRESS", "10 avenue des Pins")]),
    ("4-1200 boul. de Maisonneuve", [("ADDRESS", "4-1200 boul. de Maisonneuve")]),
    ("45 Maple Cres., Ottawa ON K2G 3B4",
     [("ADDRESS", "45 Maple Cres"), ("POSTAL_CODE", "K2G 3B4")]),
    ("I live at 45 Maple and I need help", [("ADDRESS", "45 Maple")]),
    ("12 rue principale nord, Gatineau", [("ADDRESS", "12 rue principale nord")]),
    ("456 5th Avenue apt 3", [("ADDRESS", "456 5th Avenue apt 3")]),
    ("J'habite au 88, rue de l'Église, app. 2", [("ADDRESS", "88, rue de l'Église, app. 2")]),
    ("we live at 9876 Sunset Way", [("ADDRESS", "9876 Sunset Way")]),
    ("1234 Highway 7 Markham", [("ADDRESS", "1234 Highway 7")]),
    ("moved from 350 Bay St to 20 Dundas Street West",
     [("ADDRESS", "350 Bay St"), ("ADDRESS", "20 Dundas Street West")]),
    ("my address is 100 Wellington St, Ottawa, ON K1A 0A9",
     [("ADDRESS", "100 Wellington St"), ("POSTAL_CODE", "K1A 0A9")]),
    # ------------------------------------------------------------------ DATE_OF_BIRTH
    ("my date of birth is 1990-05-14", [("DATE_OF_BIRTH", "1990-05-14")]),
    ("DOB: 14/05/1990", [("DATE_OF_BIRTH", "14/05/1990")]),
    ("I was born on May 14, 1990", [("DATE_OF_BIRTH", "May 14, 1990")]),
    ("née le 3 mars 1985", [("DATE_OF_BIRTH", "3 mars 1985")]),
    ("date de naissance : 14 mai 1990", [("DATE_OF_BIRTH", "14 mai 1990")]),
    ("born 05/14/1990 in Lagos", [("DATE_OF_BIRTH", "05/14/1990")]),
    ("my son was born on the 2nd of June 2015", [("DATE_OF_BIRTH", "2nd of June 2015")]),
    ("né le 1er janvier 1970 à Port-au-Prince", [("DATE_OF_BIRTH", "1er janvier 1970")]),
    ("D.O.B. 1988/11/30", [("DATE_OF_BIRTH", "1988/11/30")]),
    ("birthday: March 3 1992", [("DATE_OF_BIRTH", "March 3 1992")]),
    ("14 mai 1990 (date de naissance)", [("DATE_OF_BIRTH", "14 mai 1990")]),
    ("my daughter's birthday is 2019-07-21", [("DATE_OF_BIRTH", "2019-07-21")]),
    ("I was born in Toronto on 12.03.1979", [("DATE_OF_BIRTH", "12.03.1979")]),
    ("date of birth Jan. 5, 2001", [("DATE_OF_BIRTH", "Jan. 5, 2001")]),
    ("je suis né en mai 1982", [("DATE_OF_BIRTH", "mai 1982")]),
    # ------------------------------------------------------------------ PERSON
    ("my name is John Smith", [("PERSON", "John Smith")]),
    ("Hi, I'm Maria", [("PERSON", "Maria")]),
    ("je m'appelle Jean Tremblay", [("PERSON", "Jean Tremblay")]),
    ("mon nom est Sophie Gagnon", [("PERSON", "Sophie Gagnon")]),
    ("This is Priya Patel", [("PERSON", "Priya Patel")]),
    ("Hello my name is mohammed ali and i need help", [("PERSON", "mohammed ali")]),
    ("I am Ahmed Khan, applying for PR", [("PERSON", "Ahmed Khan")]),
    ("Name: Nguyen Van An", [("PERSON", "Nguyen Van An")]),
    ("my wife's name is Fatima", [("PERSON", "Fatima")]),
    ("Thanks, John", [("PERSON", "John")]),
    ("ok merci, Marie-Ève", [("PERSON", "Marie-Ève")]),
    ("je suis Jean-François Côté", [("PERSON", "Jean-François Côté")]),
    ("my husband Carlos Mendez applied in June", [("PERSON", "Carlos Mendez")]),
    ("My son is named Liam", [("PERSON", "Liam")]),
    ("Mrs. Okafor told me to write", [("PERSON", "Okafor")]),
    ("j'ai parlé avec Mme Lévesque hier", [("PERSON", "Lévesque")]),
    ("last name: O'Connor", [("PERSON", "O'Connor")]),
    ("Moi c'est Aïcha", [("PERSON", "Aïcha")]),
    ("my name is Jean de la Fontaine and I need help", [("PERSON", "Jean de la Fontaine")]),
    ("Hello, I am Wei Zhang from Shanghai", [("PERSON", "Wei Zhang")]),
    ("mon fils s'appelle Louis", [("PERSON", "Louis")]),
    ("My full name is Oluwaseun Adeyemi.", [("PERSON", "Oluwaseun Adeyemi")]),
    ("Regards,\nAnna Kowalski", [("PERSON", "Anna Kowalski")]),
    ("my name's Dave", [("PERSON", "Dave")]),
    # ------------------------------------------------------------------ mixed
    ("Hi, I'm Maria Lopez, my UCI is 1122-3344 and my email is maria.lopez@gmail.com",
     [("PERSON", "Maria Lopez"), ("CLIENT_ID", "1122-3344"), ("EMAIL", "maria.lopez@gmail.com")]),
    ("Bonjour, je m'appelle Luc Bergeron, NAS 046 454 286, tél. 819-555-0133",
     [("PERSON", "Luc Bergeron"), ("SIN", "046 454 286"), ("PHONE", "819-555-0133")]),
    ("my application E001234567 and passport AB123456, DOB 1985-02-28",
     [("APPLICATION_NUMBER", "E001234567"), ("PASSPORT", "AB123456"), ("DATE_OF_BIRTH", "1985-02-28")]),
    ("I live at 77 King St W, Toronto M5K 1A1, phone 416-555-0187",
     [("ADDRESS", "77 King St W"), ("POSTAL_CODE", "M5K 1A1"), ("PHONE", "416-555-0187")]),
    ("UCI 12345678 phone 6135550199",
     [("CLIENT_ID", "12345678"), ("PHONE", "6135550199")]),
    # ------------------------------------------------------------------ how people really type
    ("hi im sarah, i sent my docs last week", [("PERSON", "sarah")]),
    ("i am mohammed and i need help", [("PERSON", "mohammed")]),
    ("this is john, calling about my file", [("PERSON", "john")]),
    ("salut moi cest karim, jai soumis ma demande", [("PERSON", "karim")]),
    ("bonjour je m appelle marie dubois et j'ai une question", [("PERSON", "marie dubois")]),
    ("name - Ravi Shankar", [("PERSON", "Ravi Shankar")]),
    ("Thank you!! - Maria", [("PERSON", "Maria")]),
    ("Please contact my lawyer, Jennifer Brown", [("PERSON", "Jennifer Brown")]),
    ("Applicant: Hiroshi Tanaka, DOB 1992/12/01",
     [("PERSON", "Hiroshi Tanaka"), ("DATE_OF_BIRTH", "1992/12/01")]),
    ("I go by Ted", [("PERSON", "Ted")]),
    ("Mme Nguyen Thi Lan, dossier F123456789",
     [("PERSON", "Nguyen Thi Lan"), ("APPLICATION_NUMBER", "F123456789")]),
    ("Greetings, I'm Olu from Lagos", [("PERSON", "Olu")]),
    ("MY NAME IS AHMED ALI, UCI: 1122334455", [("PERSON", "AHMED ALI"), ("CLIENT_ID", "1122334455")]),
    ("My daughter Sofia was born on 2018-04-22", [("PERSON", "Sofia"), ("DATE_OF_BIRTH", "2018-04-22")]),
    # an LMIA is the employer's labour market impact assessment, not the client's (since round 10)
    ("Job offer LMIA number 1234567", []),
    ("My PR card number is PA0123456", [("APPLICATION_NUMBER", "PA0123456")]),
    ("My biometrics number is BIO1234567", [("APPLICATION_NUMBER", "BIO1234567")]),
    ("visa counterfoil number 12345678", [("APPLICATION_NUMBER", "12345678")]),
    ("Mon passeport: AB 123456", [("PASSPORT", "AB 123456")]),
    ("passport: a12345678", [("PASSPORT", "a12345678")]),
    ("Here's my info: 123 Fake Street, Springfield, john@doe.com, 555-123-4567",
     [("ADDRESS", "123 Fake Street"), ("EMAIL", "john@doe.com"), ("PHONE", "555-123-4567")]),
    ("contact: +1-416-555-0199 / jane.doe@gmail.com",
     [("PHONE", "+1-416-555-0199"), ("EMAIL", "jane.doe@gmail.com")]),
    ("text me 514-555-0123 thx", [("PHONE", "514-555-0123")]),
    ("My number: (514) 555-0177 or 514.555.0178", [("PHONE", "(514) 555-0177"), ("PHONE", "514.555.0178")]),
    ("my whatsapp is +234 803 123 4567", [("PHONE", "+234 803 123 4567")]),
    ("Tel.: +1 (905) 555-0123", [("PHONE", "+1 (905) 555-0123")]),
    ("I need to update my phone number from 613-555-0101 to 613-555-0102",
     [("PHONE", "613-555-0101"), ("PHONE", "613-555-0102")]),
    ("email me: a.b-c_d@sub.domain.co", [("EMAIL", "a.b-c_d@sub.domain.co")]),
    ("you can email me at priya [at] gmail [dot] com", [("EMAIL", "priya [at] gmail [dot] com")]),
    ("card number 4111-1111-1111-1111 exp 12/26",
     [("CREDIT_CARD", "4111-1111-1111-1111"), ("CREDIT_CARD", "12/26")]),
    ("I live at 200-1500 Main St.", [("ADDRESS", "200-1500 Main St")]),
    ("my adress is 1200 bloor street west", [("ADDRESS", "1200 bloor street west")]),
    ("Mon adresse: 1010, rue De La Gauchetière Ouest, bureau 400, Montréal H3B 2N2",
     [("ADDRESS", "1010, rue De La Gauchetière Ouest, bureau 400"), ("POSTAL_CODE", "H3B 2N2")]),
    ("allo mon nas cest 046 454 286 pis mon adresse 123 rue principale",
     [("SIN", "046 454 286"), ("ADDRESS", "123 rue principale")]),
    ("je suis nee le 5 mai 1990", [("DATE_OF_BIRTH", "5 mai 1990")]),
    ("dob:12-12-1990", [("DATE_OF_BIRTH", "12-12-1990")]),
    ("born on 12th june 1990", [("DATE_OF_BIRTH", "12th june 1990")]),
    ("my birthday 12 june", [("DATE_OF_BIRTH", "12 june")]),
    ("i am born on 1990.06.12", [("DATE_OF_BIRTH", "1990.06.12")]),
    ("Ma fille est née le 5 janvier 2020", [("DATE_OF_BIRTH", "5 janvier 2020")]),
    ("the sin number 046-454-286", [("SIN", "046-454-286")]),
    ("uci 11-2222-3333, appl W123456789, dob 1980-01-01",
     [("CLIENT_ID", "11-2222-3333"), ("APPLICATION_NUMBER", "W123456789"), ("DATE_OF_BIRTH", "1980-01-01")]),
    ("Bonjour, je suis Nadia Benali et mon IUC est le 11-2233-4455.",
     [("PERSON", "Nadia Benali"), ("CLIENT_ID", "11-2233-4455")]),
    ("Vous pouvez me joindre au (418) 555-0123 entre 9h et 17h", [("PHONE", "(418) 555-0123")]),
    ("J'habite au 2450, boulevard Laurier, Québec (Québec) G1V 2L1",
     [("ADDRESS", "2450, boulevard Laurier"), ("POSTAL_CODE", "G1V 2L1")]),
    ("Je demeure au 789, 3e Avenue, Val-d'Or", [("ADDRESS", "789, 3e Avenue")]),
    ("Né le 23 septembre 1987 à Casablanca", [("DATE_OF_BIRTH", "23 septembre 1987")]),
    ("Mon passeport marocain porte le numéro XA1234567", [("PASSPORT", "XA1234567")]),
    ("J'ai payé avec ma carte Visa 4532 0151 1283 0366", [("CREDIT_CARD", "4532 0151 1283 0366")]),
    ("Mon conjoint s'appelle Youssef et ma fille Amira", [("PERSON", "Youssef"), ("PERSON", "Amira")]),
    ("Salutations, Marc Tremblay", [("PERSON", "Marc Tremblay")]),
    ("je m'appel Sami", [("PERSON", "Sami")]),
    ("Merci de votre aide, Jean", [("PERSON", "Jean")]),
    ("Bonjour c'est Mélanie, j'ai une question", [("PERSON", "Mélanie")]),
    ("Ici Robert Lavoie, j'attends toujours", [("PERSON", "Robert Lavoie")]),
    ("mon numéro de CRP est RA1234567", [("APPLICATION_NUMBER", "RA1234567")]),
    ("Appelez-moi au 514 555 0101 svp", [("PHONE", "514 555 0101")]),
    # ------------------------------------------------------------------ issue 14, round 2
    # names after a French civility, in the clients' own languages, dash signatures
    ("j'ai parlé avec M. Kaboré hier", [("PERSON", "Kaboré")]),
    ("M. Diallo m'a dit de rappeler", [("PERSON", "Diallo")]),
    ("Mr Bui Van Thanh is my father", [("PERSON", "Bui Van Thanh")]),
    ("Hola, soy Valentina Rojas de Colombia", [("PERSON", "Valentina Rojas")]),
    ("me llamo jorge ramirez", [("PERSON", "jorge ramirez")]),
    ("Mi nombre es Lucía Fernández y necesito ayuda", [("PERSON", "Lucía Fernández")]),
    ("Meu nome é João Pereira", [("PERSON", "João Pereira")]),
    ("ako po si jenny santos", [("PERSON", "jenny santos")]),
    ("Ang pangalan ko ay Jose Rizal", [("PERSON", "Jose Rizal")]),
    ("ich heiße Jürgen Schmidt", [("PERSON", "Jürgen Schmidt")]),
    ("Ich bin Klaus Becker", [("PERSON", "Klaus Becker")]),
    ("ana ismi youssef amrani", [("PERSON", "youssef amrani")]),
    ("my names Kofi Mensah", [("PERSON", "Kofi Mensah")]),
    ("thanks\n-Priyanka", [("PERSON", "Priyanka")]),
    ("Salamat po, Liza", [("PERSON", "Liza")]),
    ("Atenciosamente, Ana Souza", [("PERSON", "Ana Souza")]),
    ("Danke, Lukas", [("PERSON", "Lukas")]),
    # a card's expiry date far after its words
    ("the expiry of my visa card which is 11/28", [("CREDIT_CARD", "11/28")]),
    ("card expiry 07/28", [("CREDIT_CARD", "07/28")]),
    ("la date d'expiration de ma carte Visa est le 05/27", [("CREDIT_CARD", "05/27")]),
    ("tarjeta de crédito vence 08/27", [("CREDIT_CARD", "08/27")]),
    # phones after chat shorthand; a context word belongs to the value right after it
    ("wa: 0812-3456-7890 (indonesia)", [("PHONE", "0812-3456-7890")]),
    ("cp no. 0917 222 3344", [("PHONE", "0917 222 3344")]),
    ("my UCI is 11223344 and my number 0918 765 4321",
     [("CLIENT_ID", "11223344"), ("PHONE", "0918 765 4321")]),
    ("0300-1234567, passport no. AB7654321", [("PHONE", "0300-1234567"), ("PASSPORT", "AB7654321")]),
    # passports alone, in a passport's shape
    ("A12803456", [("PASSPORT", "A12803456")]),
    ("here it is: EB1234567", [("PASSPORT", "EB1234567")]),
    ("mine P1234567A and my son's P7654321B", [("PASSPORT", "P1234567A"), ("PASSPORT", "P7654321B")]),
    ("06AB12345", [("PASSPORT", "06AB12345")]),
    ("Reisepassnummer C01X00T47", [("PASSPORT", "C01X00T47")]),
    ("passport no.: 45 12 345678", [("PASSPORT", "45 12 345678")]),
    ("pls help 🙏 - Jomar", [("PERSON", "Jomar")]),
    ("Mi nombre: Ana Lucía Ortiz", [("PERSON", "Ana Lucía Ortiz")]),
    ("my names is Grace", [("PERSON", "Grace")]),
    ("thank u\nAisha", [("PERSON", "Aisha")]),
    ("Benim adım Mehmet Yılmaz", [("PERSON", "Mehmet Yılmaz")]),
    ("Tên tôi là Nguyễn Văn An", [("PERSON", "Nguyễn Văn An")]),
    ("Mera naam Rahul Sharma hai", [("PERSON", "Rahul Sharma")]),
    ("ma carte expire le 11/26", [("CREDIT_CARD", "11/26")]),
    ("application no. W123456789 and my whatsapp number is 0321 5556677",
     [("APPLICATION_NUMBER", "W123456789"), ("PHONE", "0321 5556677")]),
    ("mi número en Perú 987 654 321", [("PHONE", "987 654 321")]),
    ("Sra. Gómez me llamó", [("PERSON", "Gómez")]),
    ("Atty. Ramon Cruz is my lawyer", [("PERSON", "Ramon Cruz")]),
    ("Herr Schneider hat angerufen", [("PERSON", "Schneider")]),
    ("Mr. J. Smith signed it", [("PERSON", "J. Smith")]),
    ("mr. sharma is my sponsor", [("PERSON", "sharma")]),
    ("Alhaji Musa Bello is my uncle", [("PERSON", "Musa Bello")]),
    ("DM: passport nbr P 1234567 A", [("PASSPORT", "P 1234567 A")]),
    ("pp no: N1234567", [("PASSPORT", "N1234567")]),
    ("Passnummer C4J7X2K91", [("PASSPORT", "C4J7X2K91")]),
    ("pasaporte mexicano: G 1234 5678", [("PASSPORT", "G 1234 5678")]),
    ("visa ending in 4242, exp: 09/28", [("CREDIT_CARD", "09/28")]),
    ("email me jp.santos @ gmail . com", [("EMAIL", "jp.santos @ gmail . com")]),
    # ------------------------------------------------------------------ issue 14, round 3
    # names after greetings ("po" too), "<name> here", lower case with particles before a verb
    ("Good evening po, Ramon dela Paz here", [("PERSON", "Ramon dela Paz")]),
    ("this is fatima bint khalid following up on my file", [("PERSON", "fatima bint khalid")]),
    ("hello its me again joy delos santos, did u get my docs", [("PERSON", "joy delos santos")]),
    ("Bonsoir, Amadou Diallo, je voudrais savoir pour mon permis", [("PERSON", "Amadou Diallo")]),
    ("cc c fatou, je veux savoir pour mon permis", [("PERSON", "fatou")]),
    ("my mother's name is Pham Thi May, born in Hue", [("PERSON", "Pham Thi May")]),
    ("Merci\n--\nLinh Nguyen\nEnvoyé de mon iPhone", [("PERSON", "Linh Nguyen")]),
    ("from Grace Okafor | +234 803 555 0101", [("PERSON", "Grace Okafor"), ("PHONE", "+234 803 555 0101")]),
    ("sponsor details - name Olga Petrenko", [("PERSON", "Olga Petrenko")]),
    # e-mails spelled in French and Spanish, "(a)"
    ("écrivez-moi : m.gagnon chez videotron point ca", [("EMAIL", "m.gagnon chez videotron point ca")]),
    ("k.mensah(a)yahoo.fr is my email", [("EMAIL", "k.mensah(a)yahoo.fr")]),
    ("mi correo: ana.ruiz arroba hotmail punto com", [("EMAIL", "ana.ruiz arroba hotmail punto com")]),
    # national numbers of a country the message names
    ("mon tel au Cameroun: 6 99 88 77 66", [("PHONE", "6 99 88 77 66")]),
    ("whatsapp Senegal 76 123 45 67", [("PHONE", "76 123 45 67")]),
    # "ppt", profile numbers, application numbers with dashes
    ("ppt # X9876543", [("PASSPORT", "X9876543")]),
    ("my EE profile no. K987654321", [("APPLICATION_NUMBER", "K987654321")]),
    ("file number B-123-456-789", [("APPLICATION_NUMBER", "B-123-456-789")]),
    # units before the number, streets ending in "way", barangays
    ("new address Apt 12, 400 Queensway, Etobicoke", [("ADDRESS", "Apt 12, 400 Queensway")]),
    ("send to Flat 7B, 18 Park Lane please", [("ADDRESS", "Flat 7B, 18 Park Lane")]),
    ("address 12 Mabini St., Barangay Poblacion, Makati", [("ADDRESS", "12 Mabini St., Barangay Poblacion")]),
    ("I live at 365 Laurier Ave W apt 4", [("ADDRESS", "365 Laurier Ave W apt 4")]),
    # round 7: a name as the whole answer, family name first, the surname after its label
    ("Oksana", [("PERSON", "Oksana")]),
    ("nom: Kouassi", [("PERSON", "Kouassi")]),
    ("HOSSAIN Rafiq Uddin", [("PERSON", "HOSSAIN Rafiq Uddin")]),
    ("Applicant: OKAFOR, CHIDI EMEKA", [("PERSON", "OKAFOR, CHIDI EMEKA")]),
    ("surname: dos santos silva", [("PERSON", "dos santos silva")]),
    ("Chen Li (surname Chen) asked about her visa", [("PERSON", "Chen Li"), ("PERSON", "Chen")]),
    # a SIN digit by digit, a spoken e-mail joined by "underscore", a Schengen passport
    ("mon NAS est 0 4 6 - 4 5 4 - 2 8 6", [("SIN", "0 4 6 - 4 5 4 - 2 8 6")]),
    ("email: karim underscore haddad 77 at hotmail dot com", [("EMAIL", "karim underscore haddad 77 at hotmail dot com")]),
    ("my passport is NW8K2L7P3", [("PASSPORT", "NW8K2L7P3")]),
    # addresses abroad with a sub-number, a West African box and numbered street, Mexico's C.P.
    ("we stay at 27/5 Le Loi Street, Ward 7 now", [("ADDRESS", "27/5 Le Loi Street, Ward 7")]),
    ("BP 1180, Ouagadougou", [("ADDRESS", "BP 1180")]),
    ("Ouaga, rue 12.45, porte 310", [("ADDRESS", "rue 12.45, porte 310")]),
    ("Av. Juárez 88, Centro, Puebla, C.P. 72000", [("ADDRESS", "Av. Juárez 88"), ("POSTAL_CODE", "72000")]),
    ("née le quinze mars 1992", [("DATE_OF_BIRTH", "quinze mars 1992")]),
    ("the children are priya (7) and baby Kofi", [("PERSON", "priya"), ("PERSON", "Kofi")]),
    ("whatsapp 70 123 45 67 when you are in Bamako", [("PHONE", "70 123 45 67")]),
    ("date of birth 1370/11/05 (shamsi) = 25 January 1992", [("DATE_OF_BIRTH", "1370/11/05"), ("DATE_OF_BIRTH", "25 January 1992")]),
    # round 8: a letter and nine digits right after "passport" is that country's passport
    ("my passport N208374615 expires soon", [("PASSPORT", "N208374615")]),
    ("passport number: N208374615, application W301234567", [("PASSPORT", "N208374615"), ("APPLICATION_NUMBER", "W301234567")]),
    # round 8: a postal code abroad written next to its city, either side
    ("we live in Yeongtong-gu, Seoul 16677. Phone +82 2-555-0190", [("POSTAL_CODE", "16677"), ("PHONE", "+82 2-555-0190")]),
    ("Lalitpur 44700, Nepal", [("POSTAL_CODE", "44700")]),
    ("ap. 7, 300645 Timisoara", [("POSTAL_CODE", "300645")]),
    ("BP 2210 Dakar", [("ADDRESS", "BP 2210")]),  # a box, not a postal code
    # round 8: Romanian and Russian streets, type first, with their block, stair, flat, building
    ("Str. Florilor nr. 5, bl. C2, sc. 1, ap. 12, Iasi", [("ADDRESS", "Str. Florilor nr. 5, bl. C2, sc. 1, ap. 12")]),
    ("ul. Lenina, d. 7, korp. 1, kv. 20", [("ADDRESS", "ul. Lenina, d. 7, korp. 1, kv. 20")]),
    ("my mother is PETROVA Anna Sergeyevna", [("PERSON", "PETROVA Anna Sergeyevna")]),  # a patronymic after the name
    ("we stay in Kigali, KK 15 Rd, house 7, Kicukiro", [("ADDRESS", "KK 15 Rd, house 7")]),  # Kigali's coded streets
    ("Passport: P4829173\nAddress: 1207-3455 Main Street", [("PASSPORT", "P4829173"), ("ADDRESS", "1207-3455 Main Street")]),
    # round 18 part A: SINs and UCIs typed digit by digit with spaced dashes or spelled in words
    # after their label, a second value of the same kind said with whose it is, a card that a
    # payment names (Luhn or not)
    ("mon NAS 9 0 4 - 3 8 2 - 1 1 7 c temporaire", [("SIN", "9 0 4 - 3 8 2 - 1 1 7")]),
    ("uci is 2 2 0 4 - 7 7 1 9 sorry", [("CLIENT_ID", "2 2 0 4 - 7 7 1 9")]),
    ("my uci is two two zero four seven seven one nine", [("CLIENT_ID", "two two zero four seven seven one nine")]),
    ("mon NAS c'est zéro quatre six quatre cinq quatre deux huit six", [("SIN", "zéro quatre six quatre cinq quatre deux huit six")]),
    ("sin 046 454 286 for me and my husband's is 612-330-981", [("SIN", "046 454 286"), ("SIN", "612-330-981")]),
    ("mon NAS est 046 454 286 et celui de ma femme est 612 330 981", [("SIN", "046 454 286"), ("SIN", "612 330 981")]),
    ("I paid with 4916 3382 0194 7720 yesterday", [("CREDIT_CARD", "4916 3382 0194 7720")]),
    ("j'ai payé avec 5312 8840 1193 0076 mais rien reçu", [("CREDIT_CARD", "5312 8840 1193 0076")]),
    ("my visa ending 4821 expired so use this one 4024 0071 5336 2219", [("CREDIT_CARD", "4024 0071 5336 2219")]),
    # round 18 part A: birth dates after a plural label; a birth date spelled with a two-word year
    ("the kids dobs 2015-06-02, 2017-11-19 and 2020-01-30", [("DATE_OF_BIRTH", "2015-06-02"), ("DATE_OF_BIRTH", "2017-11-19"), ("DATE_OF_BIRTH", "2020-01-30")]),
    ("their birthdays are 2016-05-02 and 2018-10-29", [("DATE_OF_BIRTH", "2016-05-02"), ("DATE_OF_BIRTH", "2018-10-29")]),
    ("ma date de naissance c le douze mars quatre vingt sept", [("DATE_OF_BIRTH", "douze mars quatre vingt sept")]),
    ("DOB: march fifth ninety one", [("DATE_OF_BIRTH", "march fifth ninety one")]),
    # round 18 part A: staff greeted or thanked by a word-name; "it's ... here" left out of the name
    ("Thanks so much to May at the front desk, she was great", [("PERSON", "May")]),
    ("hi Faith! thank u for the help", [("PERSON", "Faith")]),
    ("merci beaucoup a Grace du bureau de Laval", [("PERSON", "Grace")]),
    ("merci Joy et Patrick du centre d'appel", [("PERSON", "Joy"), ("PERSON", "Patrick")]),
    ("thanks again Hope!", [("PERSON", "Hope")]),
    ("it's Sunny Dhillon here, file E203948571", [("PERSON", "Sunny Dhillon"), ("APPLICATION_NUMBER", "E203948571")]),
]

NEAR_MISSES: list[str] = [
    # money, counts, scores, forms, codes
    "the fee is $85",
    "les frais sont de 100 $",
    "I need 1095 days of physical presence",
    "il faut 730 jours de présence",
    "my CRS score is 478",
    "CRS 478 in the last draw",
    "I filled IMM 5257 and IMM 5645",
    "form IMM5707 is missing",
    "le formulaire IMM 0008 est incomplet",
    "my NOC is 21231",
    "mon code CNP 21231",
    "I applied in 2024",
    "processing time is 6 months",
    "I work 24 hours a week",
    "settlement funds of 20,635",
    "do I need $20,635 for one person?",
    "biometrics appointment at 3:30",
    "rendez-vous à 15h30",
    "80% of applications are processed in 90 days",
    "I paid 1,365 dollars",
    "$1,085 for the application",
    "la taxe de 575 $",
    "I got an ITA with 491 points",
    "my score went from 470 to 491",
    "IELTS 7.5 overall, CLB 9",
    "Express Entry draw #289",
    "IRCC received 1 200 000 applications last year",
    "worked 1,560 hours in 2023",
    "between 2019-2023 I lived in India",
    "ages 18-35 get more points",
    "1-2 business days",
    "page 3 of 10",
    "version 2.0 of the portal",
    "call centre hours 8:00 to 16:00",
    "I called 5 times",
    "I have 60 days to submit",
    "temps de traitement: 26 semaines",
    "en 2023, j'ai demandé un permis",
    "je peux travailler 20 heures par semaine?",
    "IRCC invited 2 985 candidates with 524 points",
    "the invitation had 15000 applicants",
    "I have 1234567 reasons to complain",
    "is the fee 1 365 $ or 1 525 $?",
    # dates without a birth
    "I applied on March 3",
    "j'ai soumis ma demande le 14 mai 2024",
    "my passport expires on 2027-05-14",
    "I've been here since 2019-08-01",
    "my medical exam was on 2024-01-15",
    "my landing date is 12/03/2021",
    "we got married on June 5, 2015",
    "I was born in India and applied on March 3, 2024",
    "my birth certificate was issued on 2020-01-01",
    # not names
    "I'm from India",
    "I'm confused",
    "my name is on the letter",
    "my name is spelled wrong on my visa",
    "I'm Canadian",
    "Je suis étudiant",
    "Je suis Canadien",
    "I am a permanent resident",
    "This is urgent",
    "I'm not sure what to do",
    "I am Indian citizen",
    "This is Express Entry related",
    "I'm Still waiting",
    "my name has a typo",
    "the name on my passport is different",
    "Thanks!",
    "Thanks, IRCC",
    "Merci beaucoup",
    "Thank you Canada",
    "I'm applying for PR",
    "The company name is Maple Tech",
    "I am in Toronto now",
    "Je suis à Montréal depuis 2 ans",
    "I'm PR since 2022",
    "this is my second application",
    # not addresses
    "I live on the main street",
    "I waited 3 hours on the road",
    "I have 2 kids and a dog",
    "I live in Montreal",
    "near the St. Lawrence river",
    "the office on Main Street downtown",
    "we drove 500 km on the highway",
    "Je travaille 40 heures sur la route",
    # not phones, IDs, postal codes
    "my phone is broken",
    "I lost my passport",
    "what is a SIN number?",
    "How do I get a SIN?",
    "UCI stands for unique client identifier",
    "the postal code field is required",
    "my application number starts with E",
    "call me back please",
    "Room 204, building 3",
    "flight AC 870 lands at 6",
    "ticket 12345",
    "Call 911 if it is an emergency",
    "my passport was issued 10 years ago",
    "I sent my passport 12 days ago",
    "demande 2 of 3 submitted",
    "my application 2023-2024 cycle",
    "PGWP for 3 years",
    "4 people in my family",
    "I need 12345 dollars",
    "A1 level in French",
    "study permit for 2 years, from 2024-09-01 to 2026-08-31",
    # what clients type that only looks like personal information
    "I'm hungry",
    "i go by bus, how long will it take",
    "its date night and we cant decide",
    "this is unclear.",
    "hello im confused",
    "hi im looking for help",
    "bonjour moi c'est pareil",
    "Hi, its urgent!",
    "hi im from india",
    "hi im pr",
    "Good morning, this is regarding my application",
    "IRCC phone number 1-888-242-2100",
    "Call center number 1-888-242-2100 is always busy",
    "The number 1 500 000 is the target",
    "number of applicants: 150000",
    "my case number is on the letter",
    "I was born in the 80s",
    "I gave birth in 2022",
    "date of birth on the form is wrong",
    "My flight is AC 849 on 2024-07-01",
    "I got my COPR on 15/06/2023",
    "I landed on June 15, 2023 at YVR",
    "I paid $1,325 for PR fees on 2023-11-02",
    "My IELTS scores are 8.5, 7.5, 7.0, 7.0",
    "Express Entry draw 298 invited 1,500 candidates",
    "I submitted IMM 1344 and IMM 5532 on 2024-03-15",
    "From 2015-2019 I studied in Paris",
    "Order #4521 confirmation",
    "Version 3.2.1 of the app crashes",
    "Madame, Monsieur,",
    "Dear Sir or Madam,",
    "Best regards",
    "I'm Sorry for the many messages",
    "I'm Nigerian, can I apply?",
    "je suis perdu avec les formulaires",
    "Je suis Marocain et je veux étudier au Canada",
    "My name was misspelled on the COPR",
    "Name of the program: Express Entry",
    "I live on the 3rd floor",
    "I work at 7-Eleven",
    "Les frais sont de 1 365 $ par adulte",
    "Il faut 1 095 jours de présence",
    "Mon permis expire le 31 décembre 2024",
    "hello i am in canada since 2019",
    "hi im 35 years old",
    "c'est quoi le délai?",
    "Bonjour, c'est urgent",
    "Merci pour votre aide!",
    "Merci de votre réponse rapide",
    "je suis ici depuis 2 ans",
    "Quel est le numéro de téléphone du centre?",
    "Le numéro de la demande commence par E",
    "Mon permis de travail expire le 2025-01-31",
    # issue 14, round 2: the clients' languages, lists, other cards, things' codes
    "Soy de Manila y quiero aplicar",
    "soy estudiante internacional",
    "Soy Mexicana, necesito visa?",
    "Ich bin Student",
    "Sou brasileiro e quero trabalhar",
    "Gracias por la ayuda",
    "Mi nombre es muy largo",
    "Documents:\n- Passport\n- Photos",
    "the office is open Monday - Friday",
    "my PR card expiry 07/28",
    "my health card expires 05/28",
    "My card was declined. My permit expires 12/27",
    "invoice 2024001234",
    "error code E1234567 when I submit",
    "ticket INC0012345 still open",
    "order A1234567 from amazon",
    "the form IMM5257E",
    "I took flight AC8571",
    "I'll travel on 12/27 and come back 01/15",
    "the verification code is 482913",
    "my NOC is for Sr. Software Engineer",
    "the Hon. Minister said it on TV",
    "Madam President visited Manila",
    "Dr. appointment next week, is it ok?",
    "contact me @ work. Thanks",
    # issue 14, round 3: format examples, things' codes, the agency's public offices, greetings
    "what does X1X 1X1 mean on the form",
    "promo code H3Z 2Y7 didn't work on the store",
    "the Vancouver office at 1148 Hornby St, do I need an appointment?",
    "is the passport office at 240 Sparks St open saturday",
    "can I drop documents at your office at 200 Main Street",
    "Hi Express Entry, I have a question",
    "Need Help Urgently\nSent from my iPhone",
    "this is taking forever asking again",
    "c quoi le délai pour un permis d'études",
    "Bonjour Service Canada, où est mon NAS",
    "from Lagos, Nigeria - 5 years of experience",
    # round 7: one word or two that are not names, a highway, an office, a mailbox that is no box
    "Merci",
    "Toronto",
    "ok thanks",
    "stuck on the Queen Elizabeth Way again",
    "is the Service Canada centre at 305 Main Street open today?",
    "meet me at 3 at the library",
    "URGENT Please help",
    "the kids are fine and happy now",
    "the ticket from Dakar was 345 000 CFA",
    "my visa expires 2027-03-01 = 1405/12/10",
    "my parents are retired (70) and sick",
    # round 8: trades and verbs after "jsuis" / a relative, the agency's office named before a
    # comma, a receipt's number, a pet's name, a workplace named like a person
    "jsuis infirmier a Oran, 3 ans d'exp",
    "mon fils vient de naître",
    "the citizenship office, 1234 Queen Street is it open?",
    "receipt no. 2025-11734-B for the biometrics fee",
    "ma chatte s'appelle Minouche",
    "elle a travaillé chez Marie Claire pendant 2 ans",
    "I was in Kabul 2019 and Lima 2021",
    "the embassy is on Sheikh Zayed Rd near the mall",
    "we met at Av. Simon Bolivar yesterday",
    "the ticket Lima 1500 soles, is that ok",
    "my bag was 23 kg 5 st in total",
    # round 18 part A
    "I paid 85 dollars, tracking 4916 3382 0194 7720",
    "I paid the fee, receipt number 4916 3382 0194 7720",
    "Canada Post tracking 7023 4567 8912 3456, I paid with visa",
    "the fee is 1 2 5 0 dollars and my uci is pending",
    "my uci is one of the things I lost, two three times",
    "on est arrivés le vingt trois avril quatre vingt dix",
    "my birthday is on june third at eighty eight street",
    "born in march twenty twenty was the lockdown",
    "the dates of our trip: 2016-05-02 to 2016-05-20",
    "Mercy! 3 hours on hold again and then the call dropped",
    "Jesus!! they lost my file again",
    "Thank you Lord!",
    "Merci Seigneur, enfin la lettre",
    "Hello May I ask a question",
    "thanks, Hope this helps",
    "thanks to May the processing got faster",
    "thank you Grace Hospital for the exam",
    "I tried my card and it said invalid, 4532 0151 1283 0370 is the example number from the bank site",
]

CASES: list[tuple[str, Expected]] = POSITIVE + [(text, []) for text in NEAR_MISSES]


def locate(text: str, expected: Expected) -> list[tuple[int, int, str]]:
    """Expected spans as (start, end, type), each substring found after the previous one."""
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for kind, substring in expected:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            raise ValueError(f"{substring!r} is not in {text!r}")
        spans.append((start, start + len(substring), kind))
        cursor = start + len(substring)
    return sorted(spans)


@dataclass
class TypeScore:
    """Exact-span counts for one type."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def recall(self) -> float:
        found = self.true_positives + self.false_negatives
        return self.true_positives / found if found else 1.0

    @property
    def precision(self) -> float:
        said = self.true_positives + self.false_positives
        return self.true_positives / said if said else 1.0


def score(find: Callable[[str], Iterable], cases: Sequence[tuple[str, Expected]] = CASES) -> dict[str, TypeScore]:
    """Recall and precision per type over `cases`, counting exact (start, end, type) spans.

    `find` is a redactor's ``find`` (anything returning objects with start, end, type).
    The key ``"ALL"`` holds the totals.
    """
    scores: dict[str, TypeScore] = {}
    total = TypeScore()
    for text, expected in cases:
        want = set(locate(text, expected))
        got = {(s.start, s.end, s.type) for s in find(text)}
        for span in want | got:
            entry = scores.setdefault(span[2], TypeScore())
            if span in want and span in got:
                entry.true_positives += 1
                total.true_positives += 1
            elif span in got:
                entry.false_positives += 1
                total.false_positives += 1
            else:
                entry.false_negatives += 1
                total.false_negatives += 1
    scores = dict(sorted(scores.items()))
    scores["ALL"] = total
    return scores


def report(scores: dict[str, TypeScore]) -> dict[str, dict[str, float | int]]:
    """`scores` as plain numbers: recall, precision and counts per type."""
    return {
        kind: {
            "recall": round(s.recall, 4),
            "precision": round(s.precision, 4),
            "tp": s.true_positives,
            "fp": s.false_positives,
            "fn": s.false_negatives,
        }
        for kind, s in scores.items()
    }
