"""Authored fact base: breathing, ear, nose and throat topics. Written for Attune by its authors."""

FACTS = """
# Croup [condition]
what: Croup is a viral infection of the upper airway in young children that causes swelling of the voice box (larynx) and windpipe (trachea). It is most common between six months and three years of age and usually lasts three to five days.
? my son has a barking cough at night and sounds like a seal, what is it?
sym: Croup typically causes a harsh, barking cough, a hoarse voice and a high-pitched noisy sound on breathing in called stridor. Symptoms are often worse at night and may follow a few days of cold-like illness with a runny nose and low fever.
? toddler makes a squeaky whistling noise when breathing in and crying makes it worse
cause: Most croup is caused by parainfluenza viruses, although influenza, RSV and other respiratory viruses can also cause it. A child's airway is narrow, so even mild swelling noticeably restricts airflow.
? what virus causes croup
tx: Mild croup is managed at home with comfort, fluids and fever control. A single dose of an oral corticosteroid such as dexamethasone reduces airway swelling, and nebulized epinephrine may be given in hospital for moderate to severe cases.
? does my daughter need steroids for croup or will it go away by itself
care: Urgent care is needed if a child has stridor at rest, struggles to breathe with the skin pulling in between the ribs, drools or cannot swallow, turns pale or bluish, or becomes unusually sleepy or agitated. Cool night air or a steamy bathroom is sometimes tried, but a calm parent and an upright, comfortable child matter more.
? when should i take my kid to the ER for croup
prev: There is no vaccine for the common croup viruses, but handwashing and avoiding close contact with sick people lower the risk. Keeping routine vaccinations up to date protects against rarer, more serious causes of airway swelling such as diphtheria and Hib.
? can croup be prevented

risk: Croup mostly affects children between six months and three years, is more common in autumn and winter, and some children have repeated episodes. Boys are affected slightly more often than girls.
dx: Croup is diagnosed from the typical barking cough and noisy breathing on examination; X-rays and blood tests are rarely needed. Rarer causes of noisy breathing, such as an inhaled object or epiglottitis, are considered if the picture is unusual.
? how does the doctor know it's croup
# Asthma [condition]
what: Asthma is a long-term condition in which the airways of the lungs become inflamed and narrow in response to triggers. Episodes of airway narrowing cause wheezing and breathlessness, and they are usually reversible with treatment or on their own.
? what is actually going on in your lungs when you have asthma
sym: Typical symptoms of asthma include wheezing, shortness of breath, chest tightness and coughing, often worse at night, early in the morning or with exercise. Symptoms vary over time and in intensity, and between attacks a person may feel entirely well.
? i keep coughing at night and wheeze when i run, could that be asthma
cause: Asthma results from a mix of inherited tendency and environmental exposures. Common triggers of attacks include viral colds, allergens such as dust mites, pollen and pet dander, tobacco smoke, cold air, exercise and air pollution.
? why does my chest get tight every time i'm around my friend's cat
risk: Asthma is more likely in people with a family history of asthma or allergies, those with eczema or hay fever, children exposed to tobacco smoke, and people with obesity. Some workplace exposures to dusts, fumes and chemicals cause occupational asthma.
? does eczema as a baby mean my kid will get asthma
dx: Asthma is diagnosed from the pattern of symptoms together with lung function tests. Spirometry that shows airflow obstruction improving after a bronchodilator supports the diagnosis, and peak flow monitoring or a challenge test may be used when results are unclear.
? how do doctors test you for asthma, is there a blood test
tx: Treatment combines a reliever inhaler, which quickly opens the airways, with a daily controller medicine, most often an inhaled corticosteroid, for persistent symptoms. A written action plan helps people adjust treatment and recognise worsening early.
? do i really need to use the brown steroid inhaler every day if i feel fine
care: Emergency care is needed if a reliever inhaler does not help, breathlessness makes it hard to speak in full sentences, lips or fingernails turn blue, or peak flow falls below half of the person's best. After a severe attack, a follow-up review within a few days is recommended to adjust treatment.
? my inhaler isn't working and i can barely talk, what do i do

prev: Avoiding tobacco smoke, reducing exposure to known triggers, taking controller medicine regularly and yearly flu vaccination help prevent asthma attacks. Checking inhaler technique at every review also makes a large difference to control.
? how can i stop my asthma attacks from happening
# Chronic obstructive pulmonary disease (COPD) [condition]
what: COPD is a long-term lung disease that causes persistent airflow limitation, made up mainly of chronic bronchitis and emphysema. The damage to the airways and air sacs is largely permanent and tends to progress slowly over years.
? what's the difference between emphysema and copd
sym: COPD causes breathlessness that gradually worsens with activity, a long-lasting cough, and frequent production of phlegm. People often have flare-ups, called exacerbations, when symptoms suddenly get worse, usually triggered by infections.
? my dad gets winded walking up the stairs and coughs up phlegm every morning
cause: Cigarette smoking is the main cause of COPD. Long-term exposure to indoor smoke from cooking fuels, occupational dusts and chemicals, and the inherited condition alpha-1 antitrypsin deficiency are other causes.
? can you get copd if you never smoked
dx: COPD is confirmed with spirometry showing airflow obstruction that does not fully reverse after a bronchodilator. A chest X-ray or CT scan and blood oxygen measurement help assess severity and rule out other conditions.
? what test do you need to diagnose copd
tx: Stopping smoking is the single most effective step to slow COPD. Treatment includes long-acting bronchodilator inhalers, sometimes an inhaled corticosteroid, pulmonary rehabilitation, vaccinations, and oxygen therapy for people with low blood oxygen levels.
? is there anything that helps copd besides inhalers
prev: Not smoking, avoiding second-hand smoke, and reducing exposure to workplace dusts and fumes prevent most COPD. For people who already have it, influenza, pneumococcal and COVID-19 vaccines reduce the risk of flare-ups.
? does quitting smoking help if you already have copd
care: Prompt medical attention is needed for COPD if breathlessness is much worse than usual, phlegm changes colour or increases, there is confusion or drowsiness, or lips turn bluish. A written self-management plan, sometimes with a rescue pack of medicines, helps people act early.
? when should someone with copd go to the hospital

risk: COPD mostly develops after age 40 in long-term smokers; exposure to biomass smoke, occupational dusts, childhood lung infections and alpha-1 antitrypsin deficiency increase risk. Symptoms often appear gradually and are mistaken for normal ageing or being unfit.
# Pneumonia [condition]
what: Pneumonia is an infection of the lung tissue in which the small air sacs fill with fluid or pus, making it harder for oxygen to reach the blood. It can range from mild to life-threatening.
? what is walking pneumonia and is it the same as regular pneumonia
sym: Pneumonia commonly causes cough with phlegm, fever, chills, shortness of breath and chest pain that worsens with breathing or coughing. Older adults may instead show confusion, weakness or a low body temperature.
? fever and sharp pain on one side of my chest when i take a deep breath
cause: Pneumonia can be caused by bacteria, most commonly Streptococcus pneumoniae, by viruses such as influenza, RSV and SARS-CoV-2, and less often by fungi. It can also follow inhaling food or stomach contents into the lungs.
? is pneumonia caused by a virus or bacteria
risk: People at higher risk of pneumonia include adults over 65, young children, smokers, and people with chronic lung or heart disease, diabetes, or a weakened immune system. Difficulty swallowing raises the risk of aspiration pneumonia.
? why is pneumonia so dangerous for old people
dx: Pneumonia is diagnosed by listening to the chest and confirmed with a chest X-ray. Oxygen levels, blood tests and sometimes sputum tests help judge severity and identify the cause.
? can the doctor tell you have pneumonia just by listening with the stethoscope
tx: Bacterial pneumonia is treated with antibiotics, and many people recover at home. Severe cases need hospital care with oxygen and intravenous treatment, and recovery of energy can take several weeks.
? how long does it take to feel normal again after pneumonia
prev: Pneumococcal and annual influenza vaccines reduce the risk of pneumonia. Not smoking, good hand hygiene and managing chronic illnesses also help.
? is there a shot to stop you getting pneumonia

care: Urgent care is needed for pneumonia with difficulty breathing, bluish lips, confusion, chest pain, a high persistent fever, or in infants and older adults who are not drinking. Breathing faster than usual at rest is an important warning sign in children.
? when is pneumonia serious enough for the hospital
# Acute bronchitis [condition]
what: Acute bronchitis is a short-term inflammation of the large airways of the lungs, usually following a cold. The cough can last up to three weeks even as the person otherwise feels better.
? chest cold that won't go away, is that bronchitis
sym: The main symptom of acute bronchitis is a cough that may bring up clear, yellow or green mucus, often with chest soreness, mild wheeze and tiredness. Fever is usually low or absent.
? coughing up green stuff for a week, does that mean i need antibiotics
cause: Viruses cause the vast majority of acute bronchitis. Green or yellow phlegm reflects inflammation and does not by itself indicate a bacterial infection.
? is bronchitis contagious
tx: Acute bronchitis usually gets better without antibiotics, which do not help viral infections. Rest, fluids, honey for cough in adults and children over one year, and avoiding smoke ease symptoms.
? what helps with a bronchitis cough at night
care: Medical review is advisable for bronchitis if a cough lasts more than three weeks, there is high fever, shortness of breath, coughing up blood, or existing heart or lung disease. These features may point to pneumonia, whooping cough or another condition.
? how long is too long to have a cough after being sick

dx: Acute bronchitis is diagnosed from symptoms and examination; a chest X-ray is only needed if pneumonia is suspected, for example with high fever, fast breathing or abnormal chest sounds. Blood tests and sputum cultures are rarely needed for otherwise healthy adults.
# Common cold [condition]
what: The common cold is a mild viral infection of the nose and throat. Adults typically catch two to three colds a year and children more, and most colds clear within seven to ten days.
? how long does a cold usually last
sym: A cold usually starts with a sore or scratchy throat, followed by a runny or blocked nose, sneezing, cough and mild tiredness. High fever and severe body aches are uncommon and suggest influenza or another illness.
? how do i know if it's just a cold or the flu
cause: Colds are caused by more than 200 viruses, most often rhinoviruses. They spread through droplets and by touching contaminated surfaces and then the face; cold weather itself does not cause colds.
? can you catch a cold from going outside with wet hair
tx: There is no cure for the common cold, and antibiotics do not help. Rest, fluids, saline nasal rinses and simple pain relievers ease symptoms; over-the-counter cough and cold medicines are not recommended for young children.
? what can i give my 3 year old for a stuffy nose
prev: Regular handwashing, not touching the eyes, nose and mouth with unwashed hands, and staying away from people who are sick lower the chance of catching a cold. Vitamin C and zinc supplements have little effect on preventing colds in most people.
? how do i stop getting sick every winter

care: Medical advice is needed if cold symptoms last more than ten days, there is high fever, breathing difficulty, severe ear or sinus pain, or in babies under three months with a fever. People with asthma or COPD may need to step up their usual treatment during a cold.
# Influenza [condition]
what: Influenza, or flu, is a contagious respiratory infection caused by influenza viruses that circulate mainly in seasonal winter epidemics. It is usually more severe than a cold and can lead to complications such as pneumonia.
? is the stomach flu the same thing as influenza
sym: Flu typically begins suddenly with fever, chills, muscle aches, headache, exhaustion and a dry cough. Sore throat and runny nose are common, and children may also vomit or have diarrhoea.
? woke up feeling like i got hit by a truck, aching all over with a fever
risk: Flu complications are more likely in adults over 65, young children, pregnant women, and people with chronic heart, lung, kidney or metabolic disease or weakened immunity. These groups are offered vaccination first and are more likely to be given antiviral treatment.
? who is most at risk of dying from the flu
tx: Most healthy people recover from flu with rest and fluids within a week or two. Antiviral medicines such as oseltamivir work best when started within 48 hours of symptoms and are recommended for people at high risk or who are very unwell.
? is tamiflu worth taking or is it too late after three days
prev: An annual flu vaccine is the best protection, because the circulating strains change each year. Handwashing, covering coughs and staying home when ill reduce spread.
? why do i need a flu shot every single year
care: Urgent care is needed with flu if there is difficulty breathing, chest pain, persistent dizziness or confusion, severe weakness, or if symptoms improve and then return with fever and worse cough. These are signs of possible pneumonia or other complications.
? when should you go to the doctor with the flu

cause: Influenza A and B viruses spread by droplets from coughs and sneezes and by contaminated hands; people are most infectious in the first three to four days of illness. Adults can pass on the virus from about a day before symptoms start.
? how long am i contagious with the flu
# COVID-19 [condition]
what: COVID-19 is an infectious illness caused by the SARS-CoV-2 coronavirus. It ranges from no symptoms to severe pneumonia, and some people have long-lasting symptoms after the infection.
? what exactly is covid
sym: Common symptoms of COVID-19 include fever, cough, sore throat, tiredness, muscle aches, headache, congestion and loss or change of taste or smell. Symptoms usually appear two to fourteen days after exposure.
? i suddenly can't smell my coffee, is that covid
dx: COVID-19 is diagnosed with a PCR test or a rapid antigen test on a nose or throat swab. A negative rapid test early in the illness may need to be repeated a day or two later.
? tested negative on a home test but still feel sick, should i test again
tx: Most people with COVID-19 recover at home with rest and fluids. Antiviral treatment is offered to people at higher risk of severe illness, ideally within the first few days of symptoms.
? who gets paxlovid
prev: Vaccination lowers the risk of severe COVID-19, hospitalisation and death. Good ventilation, staying home when ill and masks in crowded indoor spaces reduce transmission.
? do covid vaccines still help
outlook: Some people have symptoms lasting months after COVID-19, known as long COVID or post-COVID condition. Fatigue, breathlessness, difficulty concentrating and worsening of symptoms after exertion are common features.
? still exhausted and foggy three months after having covid, is that normal

# Tuberculosis [condition]
what: Tuberculosis (TB) is a bacterial infection caused by Mycobacterium tuberculosis that mainly affects the lungs but can involve other organs. It can be latent, causing no symptoms and not contagious, or active disease.
? what is latent tb
sym: Active lung TB causes a cough lasting more than three weeks, sometimes with blood, along with fever, night sweats, weight loss and tiredness. TB outside the lungs can cause swollen glands, back pain or other symptoms depending on the organ involved.
? been coughing for a month, sweating through my sheets at night and losing weight
cause: TB spreads through the air when a person with active lung disease coughs or speaks, usually after prolonged close contact. It is not spread by sharing dishes or touching surfaces.
? can you catch tb from someone coughing on a bus
risk: TB is more likely to become active in people with HIV, diabetes, malnutrition, or those taking immune-suppressing medicines, and in people who live or have lived in places where TB is common. Close household contacts of someone with active TB are offered testing.
? who is most likely to get tuberculosis
dx: TB infection is detected with a tuberculin skin test or an interferon-gamma release blood test. Active disease is diagnosed with a chest X-ray and sputum tests including culture and molecular testing.
? what does a positive tb skin test mean if i feel fine
tx: Active TB is treated with a combination of antibiotics for at least six months, and taking every dose is essential to cure it and prevent drug resistance. Latent TB can be treated with a shorter course to stop it becoming active.
? why do you have to take tb pills for so many months

prev: TB is prevented by finding and treating active cases early, treating latent infection in people at high risk, ventilation, and the BCG vaccine, which protects young children against severe forms. Screening is offered to some migrants and health workers.
? does the bcg vaccine protect you from tb
# Whooping cough (pertussis) [condition]
what: Whooping cough, or pertussis, is a highly contagious bacterial infection of the airways caused by Bordetella pertussis. It is most dangerous for babies, who can stop breathing or develop pneumonia.
? what is pertussis
sym: Pertussis starts like a cold, then after one to two weeks causes bouts of intense coughing that may end with a whooping gasp for air or vomiting. The cough can last for weeks to months.
? coughing fits so bad i throw up and then make a weird gasping noise
prev: Vaccination protects against whooping cough, and a booster in each pregnancy passes antibodies to the baby before it is old enough to be vaccinated. Adults around newborns should also be up to date.
? why do they give the whooping cough shot when you're pregnant
tx: Antibiotics such as azithromycin treat pertussis and reduce spread, especially when started early. Close contacts, particularly households with infants, may also be given antibiotics.
? what antibiotic is used for whooping cough
care: Babies with suspected whooping cough need urgent assessment, especially if they have pauses in breathing, turn blue or struggle to feed. Older children and adults rarely need hospital care but should see a clinician so antibiotics and contact advice can be given.
? when should i take my baby to the hospital for a cough

# Sinusitis [condition]
what: Sinusitis is inflammation of the lining of the sinuses, the air-filled spaces around the nose and eyes. Acute sinusitis usually follows a cold and clears within four weeks, while chronic sinusitis lasts twelve weeks or more.
? what's the difference between acute and chronic sinusitis
sym: Sinusitis causes a blocked nose, thick discoloured nasal discharge, facial pain or pressure that is worse when bending forward, reduced sense of smell, and sometimes fever or toothache in the upper jaw. Symptoms that last beyond twelve weeks suggest chronic sinusitis, which may be linked to nasal polyps.
? face hurts under my eyes when i bend over and my nose is all blocked up
cause: Most acute sinusitis is viral. A bacterial infection is more likely if symptoms last over ten days without improving or get worse after initially improving.
? how do you know if a sinus infection is bacterial or viral
tx: Most sinusitis improves with saline rinses, nasal steroid sprays and pain relief. Antibiotics are reserved for symptoms that are severe, persistent beyond ten days or worsening.
? do i need antibiotics for a sinus infection or will it clear up on its own
care: Urgent care is needed for sinusitis with swelling or redness around the eye, changes in vision, severe headache, stiff neck or confusion, which can signal spread of infection. These complications are rare but need immediate assessment.
? when is a sinus infection an emergency

prev: Treating allergies, avoiding smoke, using saline rinses and good hand hygiene during cold season may reduce sinus infections. Decongestant sprays should not be used for more than a few days because of rebound congestion.
# Allergic rhinitis (hay fever) [condition]
what: Allergic rhinitis, or hay fever, is inflammation of the nose caused by an allergic reaction to airborne substances. It can be seasonal, triggered by pollens, or year-round, triggered by dust mites, pets or mould.
? can you get hay fever all year round
sym: Hay fever causes sneezing, a runny or blocked nose, itching of the nose, throat and eyes, and watery red eyes. Unlike a cold, it does not cause fever and can persist for weeks.
? sneezing nonstop every spring and my eyes itch like crazy
tx: Treatment includes avoiding triggers, non-sedating antihistamines and steroid nasal sprays, which are the most effective for nasal symptoms. Allergen immunotherapy can reduce sensitivity for people with persistent severe symptoms.
? what's the best thing to take for pollen allergy that won't make me sleepy
dx: Allergic rhinitis is usually diagnosed from the history of symptoms and triggers. Skin prick tests or blood tests for specific IgE antibodies can identify the allergens involved.
? how do they test what you're allergic to
prev: Reducing exposure helps: keeping windows closed on high-pollen days, showering after being outdoors, using allergen-proof bedding covers and keeping pets out of the bedroom. Checking daily pollen forecasts helps plan outdoor activities.
? how can i reduce pollen in my house

# Strep throat [condition]
what: Strep throat is a throat infection caused by group A Streptococcus bacteria. It is most common in children aged 5 to 15 and accounts for a minority of sore throats, most of which are viral.
? is strep throat contagious
sym: Strep throat causes a sudden, painful sore throat, pain on swallowing, fever, swollen tender neck glands and red tonsils sometimes with white patches, usually without cough or runny nose. Children may also have a headache, abdominal pain or a fine sandpaper-like rash, known as scarlet fever.
? bad sore throat with white spots on my tonsils but no cough
dx: Strep throat is confirmed with a rapid antigen test or throat culture from a swab, because symptoms alone cannot reliably separate it from viral sore throat. A negative rapid test in a child may be followed by a throat culture.
? what is a rapid strep test
tx: Strep throat is treated with antibiotics, usually penicillin or amoxicillin, which shorten the illness and prevent complications such as rheumatic fever. A child can usually return to school after at least 12 hours of antibiotics and no fever.
? when can my kid go back to school after starting antibiotics for strep
care: Urgent care is needed with a sore throat if there is difficulty breathing or swallowing saliva, drooling, a muffled voice or inability to open the mouth fully. These can be signs of a throat abscess or airway obstruction.
? my child's throat is so swollen he's drooling and can't swallow

# Tonsillitis [condition]
what: Tonsillitis is inflammation of the tonsils, the two lumps of tissue at the back of the throat. It is most often caused by viruses and sometimes by bacteria such as group A Streptococcus.
? what is tonsillitis
sym: Tonsillitis causes sore throat, swollen red tonsils that may have a white or yellow coating, painful swallowing, fever, bad breath and tender glands in the neck. Young children may refuse food and drink rather than complain of a sore throat.
? swollen tonsils with white stuff and bad breath
tx: Viral tonsillitis settles within a week with rest, fluids and pain relief. Tonsil removal may be considered for people with very frequent, severe episodes.
? how many times do you need tonsillitis before they take your tonsils out
care: A doctor should be seen if one side of the throat is much more swollen than the other, the person cannot swallow fluids, or symptoms last more than a week, as a peritonsillar abscess can develop. An abscess usually needs drainage and antibiotics.
? one side of my throat is way more swollen than the other

cause: Tonsillitis is usually caused by viruses such as those causing colds and glandular fever, and sometimes by group A Streptococcus bacteria; it spreads through droplets and close contact. Glandular fever can cause particularly large tonsils covered in white exudate.
# Middle ear infection (otitis media) [condition]
what: Acute otitis media is an infection of the middle ear, the space behind the eardrum. It is very common in young children, often following a cold.
? what causes ear infections in babies
sym: Ear infections cause ear pain, fever, irritability and poor sleep; young children may tug at their ear. If the eardrum bursts, pus may drain from the ear and pain often eases.
? baby keeps pulling at her ear and crying at night with a temperature
tx: Many ear infections clear within two to three days without antibiotics, so pain relief and watchful waiting are often used. Antibiotics are given for young infants, severe symptoms, discharge or infections that do not improve.
? does every ear infection need amoxicillin
risk: Ear infections are more common in children under three, those in group childcare, those exposed to tobacco smoke and babies fed lying flat with a bottle. Breastfeeding and vaccinations lower the risk.
? why does my daughter get so many ear infections
care: A child with an ear infection should be seen if there is swelling or redness behind the ear, a stiff neck, high fever, or symptoms lasting more than three days. These signs can indicate mastoiditis or meningitis, which are rare complications.
? is it an emergency if there's pus coming out of my kid's ear

# Swimmer's ear (otitis externa) [condition]
what: Otitis externa, or swimmer's ear, is an infection or inflammation of the outer ear canal. Water that remains in the canal softens the skin and allows bacteria or fungi to grow.
? what is swimmer's ear
sym: Swimmer's ear causes itching, pain that gets worse when the outer ear is pulled or pressed, a feeling of fullness, and sometimes discharge and muffled hearing. The outer ear may look red and swollen and the glands in front of the ear can be tender.
? my ear hurts when i tug on the earlobe after swimming all week
tx: Otitis externa is treated with antibiotic or antiseptic ear drops, sometimes with a steroid, and keeping the ear dry while it heals. Pain relievers help in the first few days.
? what ear drops are used for swimmers ear
prev: Drying the ears after swimming, tilting the head to drain water, and avoiding cotton buds or objects in the ear canal help prevent swimmer's ear. Ear plugs or a swimming cap help people who get repeated infections.
? how do i keep getting swimmers ear, how do i stop it

# Sleep apnea [condition]
what: Obstructive sleep apnea is a condition in which the throat repeatedly narrows or closes during sleep, causing pauses in breathing and brief awakenings. It disrupts sleep and strains the heart and blood vessels.
? what is obstructive sleep apnea
sym: Signs of sleep apnea include loud snoring, observed pauses in breathing, gasping or choking at night, morning headaches, and daytime sleepiness despite a full night in bed. Bed partners are often the first to notice the problem.
? my wife says i stop breathing when i sleep and i'm tired all day
risk: Sleep apnea is more common in people who are overweight, men, older adults, and people with a large neck, enlarged tonsils or a family history. Alcohol and sedatives at night make it worse.
? can skinny people have sleep apnea
dx: Sleep apnea is diagnosed with a sleep study, either overnight in a sleep laboratory or with a home device that records breathing, oxygen levels and airflow. Questionnaires about daytime sleepiness help decide who needs testing.
? do you have to sleep in a hospital to get tested for sleep apnea
tx: The main treatment is continuous positive airway pressure (CPAP), delivered through a mask at night to keep the airway open. Weight loss, sleeping on the side, avoiding alcohol and custom mouth devices also help.
? is there anything other than a cpap machine for sleep apnea
outlook: Untreated sleep apnea raises the risk of high blood pressure, heart disease, stroke, type 2 diabetes and road accidents from drowsiness. Treatment improves alertness and lowers these risks.
? is sleep apnea dangerous if you don't treat it

# Pulmonary embolism [condition]
what: A pulmonary embolism is a blockage of an artery in the lungs, usually by a blood clot that has travelled from a deep vein in the leg. It is a medical emergency.
? what is a pulmonary embolism
sym: Pulmonary embolism causes sudden shortness of breath, chest pain that is sharp on breathing in, a fast heart rate, and sometimes coughing up blood, light-headedness or fainting. Small clots may cause only mild breathlessness, while large clots can cause collapse.
? suddenly short of breath and chest hurts when i breathe after a long flight
risk: Risk factors include recent surgery or immobility, long journeys, cancer, pregnancy and the weeks after birth, oestrogen-containing contraceptives or hormone therapy, and a previous clot. Inherited clotting conditions and older age also increase risk.
? who is at risk for blood clots in the lungs
dx: Pulmonary embolism is diagnosed with a CT pulmonary angiogram, a scan using contrast dye to show the lung arteries. A D-dimer blood test can help rule it out in people at low risk.
? how do they check for a blood clot in your lungs
tx: Treatment is with anticoagulant medicines that stop the clot growing while the body breaks it down, usually for at least three months. Very large clots may need clot-dissolving drugs or procedures.
? how is a blood clot in the lung treated
care: Call emergency services for sudden breathlessness, chest pain, coughing up blood or fainting, especially with a swollen painful leg or a recent operation. Do not wait to see whether symptoms settle.
? what should i do if i think i have a clot in my lung

# Nosebleed [condition]
what: A nosebleed (epistaxis) is bleeding from the blood vessels inside the nose. Most start at the front of the septum, the wall between the nostrils, and are not serious.
? are nosebleeds serious
cause: Nosebleeds are commonly caused by dry air, nose picking, colds, allergies and minor injuries. Blood-thinning medicines and, rarely, clotting disorders make them more likely or harder to stop.
? why does my kid get nosebleeds every winter
tx: To stop a nosebleed, sit upright leaning forward and pinch the soft part of the nose firmly for 10 to 15 minutes without letting go, breathing through the mouth. Tilting the head back is not advised because blood runs down the throat.
? are you supposed to tilt your head back for a nose bleed
care: Medical help is needed if a nosebleed lasts more than 20 minutes despite pressure, follows a head injury, is very heavy, or occurs frequently, especially in someone taking blood thinners. Bleeding from both nostrils or down the back of the throat that cannot be stopped may come from further back in the nose.
? when is a nosebleed an emergency
prev: Humidifying indoor air, applying a thin layer of petroleum jelly inside the nostrils, and trimming children's fingernails help prevent recurrent nosebleeds. Recurrent bleeding from a visible vessel can be sealed by a clinician using cautery.
? how do i stop getting nosebleeds when the heating is on
"""
