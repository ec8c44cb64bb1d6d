"""Authored fact base: digestive, liver and kidney topics. Written for Attune by its authors."""

FACTS = """
# Gastro-oesophageal reflux disease (GERD) [condition]
what: GERD is a condition in which stomach acid frequently flows back into the oesophagus, the food pipe, irritating its lining. Occasional heartburn is common; GERD means symptoms occur regularly or cause damage.
? is having heartburn every night a disease or just something everyone gets
sym: The main symptoms are heartburn, a burning feeling behind the breastbone after eating or when lying down, and regurgitation of sour liquid into the mouth. Chronic cough, hoarseness and a sensation of a lump in the throat can also occur.
? sour stuff comes up into my mouth when i lie down after dinner
cause: Reflux occurs when the muscle ring at the lower end of the oesophagus relaxes inappropriately. Obesity, pregnancy, hiatus hernia, smoking, large or late meals, alcohol and fatty foods make it worse.
? what foods make acid reflux worse
tx: Lifestyle measures such as losing weight, eating smaller earlier meals and raising the head of the bed help. Antacids relieve mild symptoms, and H2 blockers or proton pump inhibitors reduce acid production for frequent symptoms.
? what actually works for acid reflux besides tums
care: See a doctor for reflux with difficulty or pain on swallowing, vomiting blood, black stools, unintended weight loss, or symptoms not controlled by treatment. These alarm features may indicate a stricture, ulcer or cancer.
? when is heartburn something to worry about
outlook: Long-standing GERD can lead to oesophagitis, narrowing of the oesophagus, and Barrett's oesophagus, a change in the lining that slightly raises the risk of oesophageal cancer. People with Barrett's oesophagus may be offered regular endoscopic surveillance.
? can years of heartburn turn into cancer

dx: GERD is usually diagnosed from typical symptoms and response to acid-reducing treatment; endoscopy is used for alarm symptoms or long-standing disease, and pH monitoring when the diagnosis is unclear. A trial of a proton pump inhibitor for several weeks is often the first step.
# Peptic ulcer [condition]
what: A peptic ulcer is an open sore in the lining of the stomach or the first part of the small intestine (duodenum). Duodenal ulcers are more common than stomach ulcers.
? what is a stomach ulcer
sym: Ulcers typically cause a burning or gnawing pain in the upper abdomen, sometimes eased or worsened by eating, along with bloating, nausea and feeling full quickly. Some ulcers cause no pain until they bleed.
? gnawing burning pain in the top of my stomach that's better when i eat
cause: The two main causes are infection with Helicobacter pylori bacteria and regular use of anti-inflammatory painkillers (NSAIDs) such as ibuprofen and aspirin. Stress and spicy food do not cause ulcers but may aggravate symptoms.
? do spicy foods give you stomach ulcers
dx: Ulcers are diagnosed by endoscopy, in which a camera is passed into the stomach. Tests for H. pylori include breath, stool and biopsy tests.
? how do they test for h pylori
tx: Treatment combines a proton pump inhibitor to reduce acid with antibiotics if H. pylori is present, and stopping NSAIDs where possible. Most ulcers heal within weeks.
? how long does it take for a stomach ulcer to heal
care: Emergency care is needed for vomiting blood or material like coffee grounds, black tarry stools, or sudden severe abdominal pain, which may signal bleeding or perforation. These are emergencies that may require endoscopy or surgery.
? threw up something that looks like coffee grounds

prev: Testing for and treating H. pylori, using the lowest dose of NSAIDs for the shortest time with stomach protection when needed, and not smoking reduce ulcer risk. People who need long-term NSAIDs or aspirin are often prescribed a proton pump inhibitor alongside.
# Irritable bowel syndrome [condition]
what: Irritable bowel syndrome (IBS) is a common long-term disorder of gut-brain interaction that causes abdominal pain and changes in bowel habit without visible damage to the bowel. It affects up to one in ten people and is more common in women.
? is ibs a real disease if all my tests are normal
sym: IBS causes cramping abdominal pain related to bowel movements, bloating, and diarrhoea, constipation or both alternating. Symptoms often come and go and may be triggered by certain foods or stress.
? my stomach cramps and i go back and forth between constipation and diarrhea
dx: IBS is diagnosed from typical symptoms after excluding other conditions with basic tests such as blood count, coeliac serology and stool calprotectin when appropriate. A normal test result supports the diagnosis rather than casting doubt on the symptoms.
? what tests rule out something worse than ibs
tx: Management includes dietary changes such as regular meals, adjusting fibre and trying a low-FODMAP diet with dietitian support, along with stress management, antispasmodics, laxatives or anti-diarrhoeal medicines and sometimes low-dose antidepressants. A food and symptom diary helps identify personal triggers.
? what is the fodmap diet and does it help ibs
care: Symptoms such as rectal bleeding, weight loss, anaemia, onset after age 50, or a family history of bowel cancer or inflammatory bowel disease are not typical of IBS and need further tests. New symptoms at an older age should not be assumed to be IBS.

cause: The cause of IBS is not fully understood; altered gut sensitivity, gut motility, the gut microbiome, previous gastroenteritis and stress all contribute. Symptoms often begin after a bout of gastroenteritis or a stressful period.
# Crohn's disease [condition]
what: Crohn's disease is a type of inflammatory bowel disease that causes chronic inflammation anywhere in the digestive tract, most often the end of the small intestine and the colon. It typically flares and remits.
? what is crohn's disease
sym: Symptoms include persistent diarrhoea, abdominal pain, weight loss, fatigue, and sometimes blood in the stool, mouth ulcers or painful fistulas near the anus. Children may show slowed growth or delayed puberty.
? diarrhea for weeks, losing weight and belly pain on the lower right side
cause: Crohn's disease results from an abnormal immune response to gut bacteria in genetically susceptible people. Smoking increases the risk and worsens the disease.
? does smoking make crohn's worse
dx: Diagnosis relies on colonoscopy with biopsies, imaging such as MRI of the small bowel, and blood and stool tests including faecal calprotectin. Blood tests may show anaemia, low albumin and raised inflammation markers.
? how do they diagnose crohns
tx: Treatment aims to control inflammation and maintain remission using corticosteroids for flares, immunosuppressants, and biologic medicines; surgery may be needed for strictures or fistulas. Stopping smoking is one of the most effective things a person with Crohn's can do.
? is there a cure for crohns or is it lifelong

care: People with Crohn's disease should seek prompt care for severe abdominal pain, persistent vomiting, high fever, heavy bleeding or signs of bowel blockage such as a swollen abdomen and no stools. Abscesses and bowel obstruction are complications that may require surgery.
# Ulcerative colitis [condition]
what: Ulcerative colitis is an inflammatory bowel disease that causes continuous inflammation and ulcers of the inner lining of the colon and rectum. Unlike Crohn's disease, it affects only the large bowel and starts at the rectum.
? what is ulcerative colitis
sym: The main symptoms are bloody diarrhoea, urgency to pass stools, cramping abdominal pain and tiredness. Severity ranges from mild rectal inflammation to severe colitis affecting the whole colon.
? blood and mucus when i poop and i have to run to the toilet
tx: Treatment includes aminosalicylates such as mesalazine, corticosteroids for flares, immunosuppressants, and biologic or small-molecule drugs. Removal of the colon cures the disease when medicines fail.
? what is mesalamine used for
outlook: Long-standing ulcerative colitis affecting much of the colon increases the risk of colon cancer, so regular surveillance colonoscopy is recommended. Smoking does not worsen ulcerative colitis, unlike Crohn's disease, but stopping is still advised for overall health.
? why do i need colonoscopies so often with colitis

dx: Ulcerative colitis is diagnosed by colonoscopy with biopsies showing continuous inflammation starting at the rectum, supported by stool tests to exclude infection and faecal calprotectin. Flexible sigmoidoscopy is sometimes used during flares instead of a full colonoscopy.
# Coeliac disease [condition]
what: Coeliac disease is an autoimmune condition in which eating gluten, a protein found in wheat, barley and rye, damages the lining of the small intestine and reduces absorption of nutrients. It is not the same as a wheat allergy or non-coeliac gluten sensitivity.
? what happens in celiac disease
sym: Symptoms include diarrhoea, bloating, abdominal pain, weight loss, tiredness and anaemia. Some people have few gut symptoms and present with iron deficiency, an itchy blistering rash or poor growth in children.
? bread makes me bloated and gassy, do i have a gluten problem
dx: Coeliac disease is screened with a blood test for tissue transglutaminase antibodies and confirmed by biopsy of the small intestine. Gluten must still be eaten before testing for results to be accurate.
? should i stop eating gluten before my celiac blood test
tx: The only treatment is a strict lifelong gluten-free diet, which allows the intestine to heal. Even small amounts of gluten can cause damage.
? is a little bit of gluten ok if i have celiac
risk: Coeliac disease is more common in people with a close relative with the condition, type 1 diabetes, autoimmune thyroid disease and Down syndrome. Family members are often offered screening with a blood test.
? my sister has celiac, should i get tested

# Gallstones [condition]
what: Gallstones are hard deposits, usually made of cholesterol, that form in the gallbladder. Many cause no symptoms and need no treatment.
? what are gallstones made of
sym: A stone blocking the gallbladder outlet causes biliary colic, a severe steady pain in the upper right or middle abdomen, often after fatty meals, lasting from 30 minutes to several hours and sometimes spreading to the right shoulder. Pain from gallstones typically comes in episodes with pain-free periods between.
? horrible pain under my right ribs a couple of hours after eating fried food
risk: Gallstones are more common in women, people over 40, those with obesity, after rapid weight loss, in pregnancy and with a family history. Certain medicines, including some hormone treatments, also raise the risk.
? why do women get gallstones more often
dx: Ultrasound of the abdomen is the main test for gallstones. Blood tests check for inflammation, liver involvement or pancreatitis.
? what test shows gallstones
tx: Gallstones that cause symptoms are usually treated by removing the gallbladder, typically by keyhole (laparoscopic) surgery. People live normally without a gallbladder.
? can you live a normal life after having your gallbladder removed
care: Seek urgent care for gallbladder pain with fever, yellowing of the skin or eyes, dark urine or pain lasting more than a few hours, which may mean infection or a blocked bile duct. Gallstones can also cause pancreatitis, with severe upper abdominal pain spreading to the back.
? gallbladder pain with a fever and yellow eyes

# Appendicitis [condition]
what: Appendicitis is inflammation of the appendix, a small pouch attached to the large intestine. Without treatment the appendix can burst and cause widespread infection.
? what does the appendix do and why does it get inflamed
sym: Appendicitis often starts with pain around the belly button that moves to the lower right abdomen and becomes sharper, with loss of appetite, nausea, vomiting and a low fever. Pain worsens with movement, coughing or bumps in the car.
? pain started around my belly button and now it's moved to the lower right side
dx: Appendicitis is diagnosed from examination, blood tests showing inflammation, and imaging with ultrasound or CT scan. In children and pregnant women, ultrasound is often tried first to avoid radiation.
? how do they check for appendicitis
tx: The standard treatment is surgical removal of the appendix, usually by keyhole surgery. Some uncomplicated cases can be treated with antibiotics alone.
? can appendicitis be treated without surgery
care: Abdominal pain that is severe, worsening, in the lower right abdomen, or accompanied by fever and vomiting needs urgent medical assessment. Young children and older adults may have less typical symptoms, so any persistent abdominal pain deserves review.
? when is belly pain an emergency

# Gastroenteritis (stomach bug) [condition]
what: Gastroenteritis is inflammation of the stomach and intestines, usually due to a viral or bacterial infection, causing vomiting and diarrhoea. Most cases clear within a few days.
? how long does a stomach bug last
cause: Norovirus is the most common cause in adults and rotavirus in unvaccinated young children. Bacteria such as Campylobacter and Salmonella are spread through contaminated food or water.
? how do you catch norovirus
sym: Symptoms include sudden nausea, vomiting, watery diarrhoea, abdominal cramps and sometimes fever and aches. Vomiting usually settles within a day or two, while diarrhoea can last up to a week.
? whole family throwing up and diarrhea since last night
tx: The key treatment is preventing dehydration with small frequent sips of fluids or oral rehydration solution. Antibiotics are rarely needed.
? what should i drink when i can't keep anything down
care: Seek care for signs of dehydration such as very little urine, dizziness or a dry mouth, for blood in stools, high fever, vomiting lasting more than a day or two, or in young babies and frail older people. People who take diuretics, metformin or ACE inhibitors may be advised to pause them while dehydrated.
? how do i tell if my toddler is dehydrated from a stomach bug
prev: Washing hands with soap and water, especially after using the toilet and before preparing food, and cleaning contaminated surfaces help stop gastroenteritis spreading; alcohol gel is less effective against norovirus. People should stay off work or school until 48 hours after the last episode of vomiting or diarrhoea.
? does hand sanitizer kill the stomach bug

# Constipation [condition]
what: Constipation means passing stools less often than usual, typically fewer than three times a week, or having hard stools that are difficult or painful to pass. Normal bowel habit varies widely, from three times a day to three times a week.
? how many days without pooping is too many
cause: Common causes include low fibre intake, not drinking enough fluids, inactivity, ignoring the urge to go, and medicines such as opioids, iron and some antacids. Pregnancy and hypothyroidism can also cause it.
? why do pain meds make you constipated
tx: Increasing fibre from fruit, vegetables and whole grains, drinking enough fluids and exercising help. Bulk-forming or osmotic laxatives are used when these measures are not enough.
? what's the gentlest laxative to use
care: Medical review is needed for constipation with blood in the stool, unexplained weight loss, a persistent change in bowel habit, or severe abdominal pain and vomiting. Older adults with new constipation should be assessed to exclude other causes.
? when should i see a doctor about constipation

risk: Constipation is more common in older adults, women, during pregnancy, in people with low fibre intake or limited mobility, and with medicines such as opioids and iron. Children often become constipated around toilet training or starting school.
# Haemorrhoids (piles) [condition]
what: Haemorrhoids are swollen blood vessels in or around the anus and lower rectum. They are very common and usually not serious.
? what are hemorrhoids
sym: Haemorrhoids can cause bright red blood on toilet paper or in the bowl, itching, a lump near the anus and discomfort, especially when passing stools. A clot in an external haemorrhoid causes a sudden, very painful blue-purple lump.
? bright red blood on the toilet paper when i wipe
cause: Straining due to constipation, pregnancy, long periods sitting on the toilet, chronic cough and heavy lifting raise pressure in the veins and cause haemorrhoids. Low-fibre diets and ageing of supporting tissues contribute.
? why do hemorrhoids happen during pregnancy
tx: Most settle with a high-fibre diet, fluids, avoiding straining and topical creams. Persistent haemorrhoids can be treated with rubber band ligation or surgery.
? how do you shrink hemorrhoids at home
care: Rectal bleeding should be checked by a doctor, especially in people over 50 or if the blood is dark or mixed with stool, to rule out other causes. A change in bowel habit with bleeding needs assessment rather than assuming haemorrhoids.
? is blood from hemorrhoids or something else

# Diverticulitis [condition]
what: Diverticulosis is the presence of small pouches in the wall of the colon; diverticulitis occurs when one or more of these pouches becomes inflamed or infected. Diverticulosis is very common after age 50 and usually causes no symptoms.
? what is the difference between diverticulosis and diverticulitis
sym: Diverticulitis usually causes constant pain in the lower left abdomen, fever, nausea and a change in bowel habit. Older adults may have milder pain and fewer signs of infection.
? bad pain on the lower left side of my belly with a fever
tx: Mild diverticulitis is managed at home with rest, fluids and pain relief, sometimes with antibiotics. Complications such as abscess or perforation need hospital treatment.
? do you always need antibiotics for diverticulitis
prev: A diet high in fibre, regular exercise and not smoking lower the risk of diverticulitis. Eating nuts, seeds and popcorn does not increase the risk.
? can i eat nuts and seeds if i have diverticulosis

care: Severe or worsening abdominal pain, high fever, vomiting or rectal bleeding in someone with diverticular disease needs prompt medical assessment. Complications include abscesses, perforation, fistulas and bowel narrowing.
# Fatty liver disease [condition]
what: Metabolic dysfunction-associated fatty liver disease, formerly called non-alcoholic fatty liver disease, is the build-up of excess fat in the liver in people who drink little alcohol. It is linked to obesity and insulin resistance.
sym: Fatty liver usually causes no symptoms and is often found on blood tests or scans. Some people have tiredness or discomfort in the upper right abdomen.
? my ultrasound said i have a fatty liver, is that dangerous
risk: Risk factors include obesity, especially around the waist, type 2 diabetes, high triglycerides and high blood pressure. Fatty liver can also occur in people of normal weight who carry fat around the abdomen.
? why do diabetics get fatty liver
tx: Losing weight through diet and exercise is the main treatment; losing about 7 to 10 percent of body weight can reduce liver fat and inflammation. Managing diabetes and cholesterol also helps.
? can fatty liver be reversed
outlook: Most people with fatty liver do not develop serious liver disease, but in some it progresses to inflammation, scarring and cirrhosis. It also raises cardiovascular risk.
? can fatty liver turn into cirrhosis

dx: Fatty liver is often found on ultrasound or abnormal liver tests; non-invasive scores and elastography scans estimate scarring, and biopsy is rarely needed. Alcohol intake and other causes of liver disease are also assessed.
# Cirrhosis [condition]
what: Cirrhosis is severe scarring of the liver caused by long-term damage, which disrupts the liver's structure and function. The damage is usually permanent, but progression can often be slowed.
? what is cirrhosis of the liver
cause: Common causes are long-term heavy alcohol use, chronic hepatitis B or C, and fatty liver disease. Autoimmune and inherited liver diseases are less common causes.
? can you get cirrhosis without drinking
sym: Early cirrhosis may cause no symptoms. Later signs include tiredness, yellow skin and eyes, swelling of the abdomen and legs, easy bruising, itching and confusion.
? my uncle's belly is swollen with fluid and his eyes are yellow, he drinks a lot
tx: Treatment addresses the cause, such as stopping alcohol or treating hepatitis, and manages complications like fluid build-up and bleeding varices. A liver transplant may be needed for advanced disease.
? can the liver repair itself after cirrhosis

care: People with cirrhosis need urgent care for vomiting blood, black stools, confusion or sleepiness, fever with abdominal pain, or worsening jaundice. Regular surveillance for liver cancer and varices is advised for people with cirrhosis.
# Hepatitis B [condition]
what: Hepatitis B is a viral infection of the liver that can be short-lived or become chronic. Chronic infection can lead to cirrhosis and liver cancer.
? what is hepatitis b
cause: Hepatitis B spreads through blood, sexual contact, shared needles and from mother to baby at birth. It is not spread through food, water or casual contact.
? can you get hepatitis b from sharing a drink with someone
sym: Many people have no symptoms. Acute infection can cause tiredness, nausea, abdominal pain, dark urine and jaundice.
? how do you know if you have hepatitis b
prev: A safe, effective vaccine prevents hepatitis B and is given to babies in many countries. Babies born to infected mothers also receive immunoglobulin at birth.
? is the hepatitis b vaccine for adults too
tx: Chronic hepatitis B is monitored regularly, and antiviral medicines such as tenofovir or entecavir suppress the virus when the liver is being damaged. Treatment is usually long term, and regular monitoring checks for liver cancer.
? is there a cure for hepatitis b

# Hepatitis C [condition]
what: Hepatitis C is a liver infection caused by a blood-borne virus. Most people who are infected develop chronic infection, which can silently damage the liver over decades.
? what is hep c
cause: Hepatitis C spreads mainly through blood, most commonly by sharing needles or drug equipment, and historically through unscreened blood transfusions. Sexual transmission is uncommon.
? can you get hep c from a tattoo
dx: Screening uses a blood test for hepatitis C antibodies, followed by an RNA test to confirm current infection. People who have ever injected drugs are advised to get tested.
? should i get tested for hep c if i had a blood transfusion in the 80s
tx: Modern direct-acting antiviral tablets taken for 8 to 12 weeks cure more than 95 percent of people with hepatitis C. Reinfection is possible, so prevention advice continues after cure.
? is hepatitis c curable now

sym: Most people with hepatitis C have no symptoms for years; some have tiredness, and advanced disease causes signs of cirrhosis such as jaundice and abdominal swelling. Many are only diagnosed when abnormal liver tests are found by chance.
# Kidney stones [condition]
what: Kidney stones are hard deposits of minerals and salts that form inside the kidneys. Small stones may pass unnoticed, but larger ones can block the flow of urine.
? what are kidney stones
sym: A stone moving down the ureter causes severe cramping pain in the side and back that may spread to the lower abdomen and groin, along with blood in the urine, nausea and vomiting. People often cannot find a comfortable position and move about restlessly.
? worst pain of my life in my side going down to my groin and i'm peeing blood
cause: Stones form when urine contains more crystal-forming substances than the fluid can dilute. Dehydration, high salt or animal protein intake, obesity and some medical conditions increase the risk.
? why do people get kidney stones
tx: Many small stones pass with pain relief and fluids, sometimes helped by medicines that relax the ureter. Larger stones are broken up with shock waves or removed using a thin scope.
? how long does it take to pass a kidney stone
prev: Drinking enough water to produce pale urine, reducing salt, and following dietary advice based on the stone type reduce the chance of new stones. Stones that pass can be caught with a strainer and analysed to tailor advice.
? what should i drink to prevent kidney stones
care: Get urgent care for kidney stone pain with fever or chills, inability to pass urine, or pain that cannot be controlled, since a blocked infected kidney is an emergency. Infection behind a blocked kidney can rapidly lead to sepsis.
? kidney stone pain with a fever and chills

# Chronic kidney disease [condition]
what: Chronic kidney disease is a gradual loss of kidney function over months or years. It is staged by the estimated glomerular filtration rate (eGFR) and the amount of protein in the urine.
? what are the stages of kidney disease
sym: Early kidney disease usually causes no symptoms. Advanced disease can cause tiredness, swollen ankles, itching, nausea, reduced appetite and changes in urination.
? what are the signs your kidneys are failing
cause: Diabetes and high blood pressure are the most common causes. Others include glomerulonephritis, polycystic kidney disease and long-term use of some medicines.
? why did my doctor say diabetes is hurting my kidneys
dx: Kidney disease is detected with a blood test for creatinine to estimate eGFR and a urine test for albumin. Tests are repeated to confirm the change persists for over three months.
? what tests check kidney function
tx: Treatment slows progression by controlling blood pressure and blood sugar, using ACE inhibitors or ARBs and SGLT2 inhibitors, and avoiding kidney-harming drugs. Kidney failure requires dialysis or a transplant.
? what can i do to keep my kidneys from getting worse

risk: Kidney disease is more likely with diabetes, high blood pressure, heart disease, obesity, a family history of kidney failure, older age and some ethnic backgrounds. Regular checks of kidney function are advised for people with diabetes or high blood pressure.
# Urinary tract infection [condition]
what: A urinary tract infection (UTI) is an infection of any part of the urinary system, most commonly the bladder (cystitis). Infection that spreads to the kidneys is called pyelonephritis.
? what is a uti
sym: Bladder infections cause burning on urination, needing to urinate often and urgently, passing small amounts, cloudy or smelly urine and lower abdominal discomfort. Older adults may become confused or unwell without typical urinary symptoms.
? it burns when i pee and i feel like i have to go every five minutes
risk: UTIs are much more common in women because of a shorter urethra. Sexual activity, menopause, pregnancy, diabetes, urinary catheters and kidney stones increase the risk.
? why do i keep getting utis after sex
tx: Uncomplicated bladder infections are treated with a short course of antibiotics. Drinking fluids and pain relief ease symptoms.
? how long do you take antibiotics for a bladder infection
prev: Drinking enough fluids, urinating after sex and not holding urine for long periods may reduce UTIs. Vaginal oestrogen helps prevent recurrent infections after menopause.
? does cranberry juice actually prevent uti
care: Fever, shivering, pain in the back or side, or vomiting with urinary symptoms may mean a kidney infection and need prompt treatment. Men, pregnant women and children with urinary symptoms also need medical assessment.
? uti with back pain and fever
"""
