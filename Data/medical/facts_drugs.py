"""Authored fact base: common medicines. Written for Attune by its authors. General information, not dosing advice."""

FACTS = """
# Ibuprofen [drug]
uses: Ibuprofen is a non-steroidal anti-inflammatory drug (NSAID) used for pain, fever and inflammation, including headache, period pain, dental pain, sprains and arthritis. It is available over the counter as tablets, liquids and gels.
? what's ibuprofen good for besides headaches
how: Ibuprofen blocks cyclo-oxygenase (COX) enzymes, reducing production of prostaglandins, chemical messengers that drive pain, fever and inflammation. Because prostaglandins also protect the stomach lining and support kidney blood flow, blocking them explains many side effects.
? how does ibuprofen reduce swelling
side: Common side effects include indigestion, nausea and stomach pain. Regular use raises the risk of stomach ulcers and bleeding, kidney problems, fluid retention and raised blood pressure, and slightly increases cardiovascular risk.
? is it bad to take ibuprofen every day for my knee
avoid: Ibuprofen should be avoided or used only with medical advice by people with a history of stomach ulcers or bleeding, kidney disease, heart failure, aspirin-sensitive asthma, and in the third trimester of pregnancy. Older adults are more prone to its side effects and should use it cautiously.
? can i take advil when i'm pregnant
interact: Ibuprofen increases bleeding risk with anticoagulants, antiplatelets and some antidepressants, may reduce the effect of blood pressure medicines, and combined with diuretics and ACE inhibitors can harm the kidneys. Combining it with other NSAIDs, including aspirin for pain, adds risk without extra benefit.
? is it ok to take advil with my blood thinner
take: Ibuprofen is best taken with or after food to reduce stomach upset, at the lowest effective dose for the shortest time. Over-the-counter use for more than about ten days for pain should be discussed with a clinician.
? should i take ibuprofen with food

care: Stop ibuprofen and seek care for black or bloody stools, vomiting blood, severe stomach pain, reduced urine, swelling of the face, or wheezing after a dose. These can be signs of a stomach bleed, kidney problems or an allergic reaction.
? black poop after taking advil for a week
# Paracetamol (acetaminophen) [drug]
uses: Paracetamol, called acetaminophen in North America, relieves mild to moderate pain and reduces fever. It does not have significant anti-inflammatory effects.
? what's the difference between tylenol and advil
how: Paracetamol is thought to act mainly in the brain and spinal cord, reducing pain signalling and resetting the temperature control centre, though its exact mechanism is not fully understood. It is often combined with an NSAID when one medicine alone does not control pain.
? how does tylenol work
side: At recommended doses paracetamol rarely causes side effects. Overdose, even by moderate amounts over several days, can cause severe and potentially fatal liver damage.
? how much tylenol is too much in a day
interact: Many cold and flu remedies and prescription painkillers already contain paracetamol, so combining products can lead to accidental overdose. Regular heavy alcohol use increases the risk of liver damage.
? can i take nyquil and tylenol together
care: Suspected paracetamol overdose needs emergency care immediately, even if the person feels well, because symptoms of liver damage appear only after a day or more and an antidote works best when given early. An antidote, acetylcysteine, is very effective if started within hours.
? i accidentally took double the tylenol, what do i do
avoid: Paracetamol is generally considered the preferred pain reliever in pregnancy when used at the lowest effective dose. People with liver disease or who drink heavily should seek advice on safe limits.
? is tylenol safe during pregnancy

take: Paracetamol can be taken with or without food; doses must be spaced several hours apart and the maximum daily amount on the label or prescription must not be exceeded, with lower limits for children based on weight. Liquid forms for children come in different strengths, so the dose should be measured carefully.
# Aspirin [drug]
uses: Aspirin is used in low doses to prevent blood clots in people with heart disease or after a stroke or stent, and in higher doses as a pain reliever and anti-inflammatory. It is also used in some specialised conditions such as after certain heart procedures.
? should i be taking a baby aspirin every day for my heart
how: Aspirin irreversibly blocks the COX enzyme in platelets, reducing their ability to clump together for the platelet's lifespan of about a week. This is why even a small daily dose affects bleeding.
? how does aspirin thin your blood
side: Aspirin can cause indigestion, stomach ulcers and bleeding from the gut or, rarely, in the brain. It can trigger breathing problems in people with aspirin-sensitive asthma.
? can aspirin cause stomach bleeding
avoid: Aspirin should not be given to children and teenagers under 16 with viral illnesses because of the risk of Reye's syndrome, a rare but serious condition affecting the liver and brain. People with bleeding disorders or active ulcers should not take it without specialist advice.
? why can't kids take aspirin
interact: Aspirin adds to the bleeding risk of anticoagulants and other NSAIDs, and regular ibuprofen taken just before low-dose aspirin may reduce its protective effect on platelets. Aspirin can also raise methotrexate levels.
? can i take ibuprofen if i take a daily aspirin
take: Daily aspirin for preventing a first heart attack is no longer routinely recommended for most people because bleeding risks can outweigh benefits; it remains important for many people with established heart disease. People already taking it for a heart condition should not stop without medical advice.
? is daily aspirin still recommended to prevent heart attacks

care: A person who may be having a heart attack is sometimes advised by emergency services to chew aspirin, unless allergic; unusual bleeding, black stools or vomiting blood while taking aspirin need urgent assessment. Aspirin should not be used as a substitute for calling emergency services.
# Amoxicillin [drug]
uses: Amoxicillin is a penicillin-type antibiotic used for bacterial infections such as ear infections, strep throat, sinusitis, pneumonia, urinary infections and H. pylori eradication. It is often combined with clavulanic acid (co-amoxiclav) to overcome some bacterial resistance.
? what infections does amoxicillin treat
how: Amoxicillin kills bacteria by interfering with the building of their cell walls. It has no effect on viruses such as colds and flu.
? will amoxicillin help my cold go away faster
side: Common side effects are diarrhoea, nausea and a skin rash. A non-itchy rash is common and not always allergy, but hives, swelling or breathing difficulty suggest a true allergic reaction.
? my son broke out in a rash on day 7 of amoxicillin, is he allergic
avoid: Amoxicillin must not be used by people with a true penicillin allergy. Many people labelled allergic in childhood can be tested and found to tolerate it.
? can i take amoxicillin if i'm allergic to penicillin
take: Amoxicillin can be taken with or without food. The full prescribed course should be taken unless a clinician advises otherwise, and missed doses taken as soon as remembered.
? can i stop taking antibiotics when i feel better

interact: Amoxicillin can interact with methotrexate and with warfarin, raising bleeding risk; it does not meaningfully reduce the effectiveness of most hormonal contraceptives, though vomiting or diarrhoea can. Any new rash or diarrhoea during treatment should be mentioned to the prescriber.
? does amoxicillin stop birth control from working
# Metformin [drug]
uses: Metformin is usually the first medicine prescribed for type 2 diabetes. It is also used in prediabetes and polycystic ovary syndrome.
? what is metformin used for besides diabetes
how: Metformin lowers blood sugar mainly by reducing glucose production by the liver and improving the body's sensitivity to insulin. On its own it rarely causes low blood sugar.
? does metformin make your blood sugar go too low
side: Stomach upset, diarrhoea, nausea and a metallic taste are common when starting, and usually improve over time or with slow-release tablets. Long-term use can lower vitamin B12 levels.
? metformin is giving me terrible diarrhea, will it stop
avoid: Metformin is reduced or stopped in significant kidney impairment and may be paused during severe illness with dehydration, before some X-ray contrast procedures and around surgery because of a rare risk of lactic acidosis. It is usually restarted once kidney function is confirmed stable.
? why did they stop my metformin before my ct scan
take: Metformin is taken with meals, starting at a low dose that is increased gradually to reduce stomach side effects. Missed doses are skipped rather than doubled.
? should i take metformin with food or on an empty stomach

interact: Heavy alcohol use with metformin increases the risk of lactic acidosis and low blood sugar; iodinated contrast and some medicines affecting the kidneys also require caution. Alcohol should be limited and not drunk on an empty stomach.
? can i drink alcohol while taking metformin
# Insulin [drug]
uses: Insulin is essential for everyone with type 1 diabetes and is used in type 2 diabetes when other treatments do not control blood sugar, as well as in gestational diabetes. Insulin may also be used temporarily during severe illness or surgery.
? why do some type 2 diabetics need insulin
how: Insulin is the hormone that lets cells take up glucose from the blood. Injected insulins differ in how fast and how long they act, from rapid-acting mealtime insulin to long-acting basal insulin.
? what's the difference between long acting and short acting insulin
side: The main risk of insulin is hypoglycaemia, low blood sugar, which causes shakiness, sweating, hunger and confusion. Weight gain and skin changes at injection sites can also occur.
? why do i feel shaky and sweaty after my insulin shot
take: Insulin is injected under the skin with a pen, syringe or pump, rotating injection sites. Unopened insulin is stored in the fridge and should never be frozen.
? how should i store my insulin pens
care: Severe low blood sugar with confusion or unconsciousness needs emergency help; glucagon can be given by trained family members. Persistently high readings with vomiting need urgent care because of the risk of ketoacidosis.
? what do i do if my blood sugar is high and i'm throwing up

avoid: Insulin needs careful adjustment with illness, exercise, alcohol and missed meals; people who drive must check glucose before driving and treat lows before setting off. People with hypoglycaemia unawareness need especially careful targets.
# Atorvastatin (statins) [drug]
uses: Atorvastatin belongs to the statin family and is used to lower LDL cholesterol and reduce the risk of heart attack and stroke in people with or at high risk of cardiovascular disease. Because statins reduce risk rather than just a number, they are prescribed according to overall cardiovascular risk.
? why am i on a statin if my cholesterol is normal
how: Statins block HMG-CoA reductase, an enzyme the liver needs to make cholesterol, which causes the liver to remove more LDL from the blood. They also stabilise existing plaques in artery walls.
? how do statins lower cholesterol
side: Most people tolerate statins well. Muscle aches are the most reported side effect; rarely statins cause serious muscle damage, raised liver enzymes or a small increase in blood sugar.
? are muscle aches from statins dangerous
avoid: Statins are not used in pregnancy or breastfeeding. Some statins interact with certain antibiotics, antifungals and HIV medicines.
? can you take statins while pregnant
interact: Large amounts of grapefruit juice can raise blood levels of some statins, including atorvastatin and simvastatin, increasing side-effect risk. Fibrates and some other medicines raise the risk of muscle side effects.
? can i drink grapefruit juice on lipitor
take: Atorvastatin can be taken at any time of day, with or without food. Cholesterol is usually rechecked after a few months to judge the response.
? does it matter what time of day i take lipitor

# Lisinopril (ACE inhibitors) [drug]
uses: Lisinopril is an ACE inhibitor used to treat high blood pressure and heart failure, to protect the heart after a heart attack and to slow kidney damage in diabetes. It is usually taken once a day.
? what is lisinopril used for
how: ACE inhibitors block the enzyme that makes angiotensin II, a hormone that narrows blood vessels, so vessels relax and blood pressure falls. This also reduces strain on the heart and lowers pressure inside the kidney's filters.
? how does lisinopril lower blood pressure
side: A persistent dry, tickly cough affects about one in ten people taking ACE inhibitors. Dizziness, raised potassium and changes in kidney function can occur, and rarely swelling of the lips, tongue or throat.
? my blood pressure pill gives me an annoying dry cough that won't stop
avoid: ACE inhibitors must not be taken in pregnancy because they can harm the developing baby. They are avoided in people with a history of angioedema.
? is it safe to take lisinopril while pregnant
interact: Combining ACE inhibitors with potassium supplements, salt substitutes or potassium-sparing diuretics can raise potassium dangerously; NSAIDs can reduce their effect and harm the kidneys. The combination of an ACE inhibitor, a diuretic and an NSAID is particularly risky for the kidneys.
? can i use salt substitute on lisinopril
care: Swelling of the face, lips, tongue or throat while taking an ACE inhibitor is an emergency, even after years of uneventful use. Angioedema can occur at any time during treatment.
? lips swelled up and i've been on lisinopril for years

take: Lisinopril is taken once daily; kidney function and potassium are checked with blood tests after starting or changing the dose, and it is often paused during vomiting or diarrhoea illnesses. The first dose may cause dizziness, so it is sometimes taken at bedtime.
# Amlodipine [drug]
uses: Amlodipine is a calcium channel blocker used to treat high blood pressure and to prevent angina. It can be used alone or combined with other blood pressure medicines.
? what is amlodipine for
how: Amlodipine blocks calcium entry into the muscle cells of blood vessel walls, making them relax and widen, which lowers blood pressure. It has little effect on heart rate, unlike some other calcium channel blockers.
? how does amlodipine work
side: The most common side effect is ankle swelling, along with flushing, headache and palpitations. Ankle swelling from amlodipine is not due to fluid overload and does not respond well to diuretics.
? my ankles have been puffy since starting amlodipine
take: Amlodipine is taken once a day. It has a long action, so missing a single dose has little immediate effect, but doses should not be doubled.
? what happens if i miss a dose of my blood pressure pill

interact: Amlodipine levels can be raised by some antifungals, macrolide antibiotics and grapefruit in large amounts, and it adds to the effects of other blood pressure medicines, increasing dizziness. Simvastatin doses are limited when taken with amlodipine.
avoid: Amlodipine is used with caution in people with severe aortic valve narrowing, very low blood pressure or advanced liver disease. It is not used to treat an acute angina attack.
# Levothyroxine [drug]
uses: Levothyroxine is a synthetic version of the thyroid hormone thyroxine (T4), used to treat an underactive thyroid and after thyroid removal. It is also used to suppress TSH in some people treated for thyroid cancer.
? why do people take levothyroxine
how: Levothyroxine replaces the hormone the thyroid gland is not making, restoring normal metabolism. The dose is adjusted based on TSH blood tests.
? how long does it take for levothyroxine to work
take: Levothyroxine is best taken on an empty stomach with water, usually 30 to 60 minutes before breakfast, at the same time each day. Calcium, iron and antacids should be separated by at least four hours.
? why do i have to take my thyroid pill before breakfast
? can i take my calcium with synthroid
side: At the right dose, levothyroxine has few side effects. Too high a dose causes symptoms of an overactive thyroid such as palpitations, tremor, weight loss and poor sleep.
? since my thyroid dose went up my heart races and i can't sleep
avoid: Levothyroxine should not be used for weight loss. Needs usually rise during pregnancy, so people planning pregnancy should discuss dose adjustment early.
? can i take thyroid medicine to lose weight

interact: Calcium, iron, antacids, soy and some cholesterol binders reduce levothyroxine absorption; starting or stopping oestrogen therapy or some anti-seizure medicines can change dose requirements. Switching between brands may slightly change levels, so a TSH check is sensible after a switch.
# Omeprazole (proton pump inhibitors) [drug]
uses: Omeprazole is a proton pump inhibitor (PPI) used to treat acid reflux, heal and prevent stomach ulcers, and as part of H. pylori treatment. It is available on prescription and, in lower strengths, over the counter.
? what is omeprazole used for
how: PPIs block the proton pumps in the stomach lining that produce acid, reducing acid output more powerfully than antacids or H2 blockers. Their full effect develops over several days of regular use.
? how do ppis stop acid
side: Short-term side effects include headache, diarrhoea and abdominal pain. Long-term use is linked with lower magnesium and B12 levels, a higher risk of some gut infections and possibly bone fractures.
? is it safe to take omeprazole for years
take: Omeprazole works best taken 30 to 60 minutes before a meal, usually breakfast. Stopping suddenly after long use may cause a temporary rebound in acid symptoms.
? my heartburn got worse when i stopped prilosec

interact: Omeprazole can reduce the activation of clopidogrel and alter levels of some other medicines, such as certain HIV drugs and methotrexate; pantoprazole is often chosen with clopidogrel. Long-term need should be reviewed periodically, and the lowest effective dose used.
? can i take omeprazole with plavix
# Sertraline (SSRIs) [drug]
uses: Sertraline is a selective serotonin reuptake inhibitor (SSRI) used for depression, anxiety disorders, panic disorder, obsessive-compulsive disorder and post-traumatic stress disorder. It is also used for premenstrual dysphoric disorder.
? what is sertraline prescribed for
how: SSRIs increase the availability of serotonin between nerve cells. Benefits usually build up over two to six weeks, although side effects can appear earlier.
? how long does it take for zoloft to start working
side: Common early side effects include nausea, upset stomach, headache, sleep changes, and sexual side effects such as reduced desire or delayed orgasm. Young people may rarely experience increased suicidal thoughts at the start.
? zoloft killed my sex drive, is that normal
interact: Combining SSRIs with other serotonergic drugs such as some migraine medicines, tramadol or St John's wort can cause serotonin syndrome. SSRIs also increase bleeding risk with NSAIDs and anticoagulants.
? can you take zoloft with tramadol
take: SSRIs should not be stopped suddenly; tapering under supervision reduces discontinuation symptoms such as dizziness, irritability and electric-shock sensations. Treatment usually continues for at least six months after feeling better to reduce relapse.
? can i just quit my antidepressant cold turkey

avoid: SSRIs are used with care in people with bipolar disorder, bleeding disorders or seizures; in pregnancy, risks and benefits are weighed individually and many people continue treatment. Alcohol can worsen depression and increase drowsiness.
? is it ok to take zoloft while pregnant
# Prednisone (oral corticosteroids) [drug]
uses: Prednisone is an oral corticosteroid used to calm inflammation and immune activity in conditions such as asthma flares, COPD exacerbations, allergic reactions, autoimmune diseases and some skin conditions. It can also be used in some cancers and after organ transplants.
? what is prednisone used for
how: Corticosteroids mimic the body's own cortisol at higher doses, switching off many inflammatory signals and suppressing the immune response. The effect on inflammation starts within hours to days.
? how does prednisone reduce inflammation
side: Short courses can cause raised appetite, mood changes, trouble sleeping and higher blood sugar. Long-term use can lead to weight gain, thin bones, cataracts, high blood pressure, diabetes and infections.
? prednisone makes me starving and wired at night
take: Prednisone is usually taken in the morning with food. After more than a few weeks, it must be tapered rather than stopped suddenly because the body's own cortisol production is suppressed.
? why do you have to taper off steroids

interact: Taking prednisone with NSAIDs increases the risk of stomach ulcers, and it can raise blood sugar in people with diabetes, requiring closer monitoring and medicine adjustment. Some people are given a stomach-protecting medicine alongside.
? does prednisone raise blood sugar in diabetics
avoid: Live vaccines are avoided during high-dose steroid treatment, and people with diabetes, glaucoma, osteoporosis, active infections or a history of psychosis need extra care. People on long-term steroids may carry a steroid card to alert clinicians in emergencies.
# Warfarin [drug]
uses: Warfarin is an oral anticoagulant used to prevent and treat blood clots, for example in atrial fibrillation, deep vein thrombosis and with mechanical heart valves. It is one of the oldest anticoagulants and is still preferred for mechanical valves.
? why do people take warfarin
how: Warfarin blocks the recycling of vitamin K, which the liver needs to make several clotting factors, so blood takes longer to clot. Its effect takes several days to build up and wears off slowly after stopping.
? how does warfarin work
take: Warfarin doses are adjusted using the INR blood test, which must be checked regularly. Keeping vitamin K intake from green leafy vegetables fairly consistent helps keep the INR stable.
? can i still eat salad and spinach on warfarin
interact: Many medicines, including some antibiotics, antifungals and painkillers, as well as alcohol and herbal remedies, change warfarin's effect, so any new medicine should be checked. Cranberry juice and large changes in alcohol intake can affect INR.
? can i drink alcohol on warfarin
side: The main risk is bleeding, such as nosebleeds, bleeding gums, heavy periods and bruising. Black stools, blood in the urine or vomit, or a severe headache need urgent attention.
? bruising really easily since starting coumadin

avoid: Warfarin is generally avoided in pregnancy because it can harm the baby, and it needs caution in people with a high bleeding risk, frequent falls or inability to attend INR checks. Effective contraception is advised for people of childbearing age.
# Apixaban (DOACs) [drug]
uses: Apixaban is a direct oral anticoagulant (DOAC) used to prevent stroke in atrial fibrillation and to treat and prevent deep vein thrombosis and pulmonary embolism. Other medicines in the same class include rivaroxaban, edoxaban and dabigatran.
? what is eliquis used for
how: Apixaban directly blocks factor Xa, a key enzyme in the clotting cascade. Unlike warfarin it does not need routine INR blood tests.
? why did my doctor switch me from warfarin to eliquis
side: Bleeding is the main side effect, ranging from minor nosebleeds and bruising to serious internal bleeding. Black stools, blood in urine, coughing or vomiting blood and severe headache need urgent assessment.
? what are the side effects of eliquis
take: Apixaban is taken twice a day at regular intervals. Missing doses quickly reduces protection because its effect wears off within about a day.
? what if i miss a dose of eliquis
interact: Apixaban should not be combined with other anticoagulants, and caution is needed with NSAIDs, antiplatelets and drugs that strongly affect liver enzymes. Surgery and dental procedures may require a planned pause.
? do i need to stop eliquis before dental work

avoid: DOACs are not suitable for people with mechanical heart valves or antiphospholipid syndrome, and doses are adjusted for age, weight and kidney function. Kidney function is checked before and during treatment.
# Salbutamol (albuterol) inhaler [drug]
uses: Salbutamol, called albuterol in the US, is a short-acting reliever inhaler that quickly opens the airways during asthma or COPD symptoms and before exercise. It is carried at all times by people with asthma.
? what is albuterol used for
how: It stimulates beta-2 receptors in airway muscles, causing them to relax within minutes; the effect lasts about four to six hours. It does not treat the underlying inflammation of asthma.
? how fast does a rescue inhaler work
side: Common effects are shakiness, a fast heartbeat, nervousness and headache, which are usually short-lived. Very high use can lower potassium levels.
? my rescue inhaler makes my hands shake and heart race
take: Using a spacer improves delivery of medicine to the lungs, especially for children. Needing a reliever more than twice a week suggests asthma is not well controlled and treatment should be reviewed.
? how often is it ok to use my blue inhaler

avoid: Salbutamol is generally safe including in pregnancy; people with heart rhythm problems or an overactive thyroid may notice more side effects, and relying on it alone without a controller in persistent asthma is unsafe. Reliever overuse is a sign that the overall asthma plan needs review.
# Cetirizine (antihistamines) [drug]
uses: Cetirizine is a second-generation antihistamine used for hay fever, allergic conjunctivitis, hives and itching. It is available without prescription in many countries.
? what is zyrtec used for
how: Antihistamines block histamine H1 receptors, reducing the sneezing, itching, runny nose and hives that histamine causes during allergic reactions. They work best when taken before exposure to an allergen.
? how do antihistamines work
side: Second-generation antihistamines cause much less drowsiness than older ones such as diphenhydramine, though some people still feel sleepy. Dry mouth and headache may occur.
? which allergy pill is least likely to make me drowsy
avoid: Older sedating antihistamines are best avoided in older adults because they can cause confusion, falls and urinary retention. Antihistamines do not treat severe allergic reactions; adrenaline is needed.
? why shouldn't elderly people take benadryl

take: Cetirizine is taken once a day and can be used daily through the allergy season; taking it regularly before symptoms start works better than occasional use. Alcohol may increase drowsiness in people who are sensitive to it.
# Epinephrine auto-injector [drug]
uses: An epinephrine (adrenaline) auto-injector is used as emergency first treatment of anaphylaxis, a severe allergic reaction, for example to foods, insect stings or medicines. People at risk are usually prescribed two devices to carry at all times.
? what is an epipen for
how: Epinephrine narrows blood vessels to raise blood pressure, relaxes airway muscles and reduces swelling, reversing the life-threatening effects of anaphylaxis. It starts working within minutes, but its effect is short-lived.
? how does adrenaline stop an allergic reaction
take: The auto-injector is pressed firmly into the outer thigh, through clothing if needed. Emergency services should always be called afterwards, because symptoms can return.
? where do you stick an epipen and do you still go to the hospital
side: Pounding heart, shakiness, pale skin and anxiety are common and short-lived. The risk of not using epinephrine during anaphylaxis is far greater than these side effects.
? is it dangerous to use an epipen if it wasn't anaphylaxis

care: After using an adrenaline auto-injector, call emergency services, lie down with legs raised if faint, and use a second injector after five minutes if symptoms do not improve. Devices have expiry dates and should be replaced before they lapse.
# Oral contraceptive pill [drug]
uses: Combined oral contraceptive pills contain an oestrogen and a progestogen and prevent pregnancy; they are also used to regulate heavy or painful periods and treat acne. Combined pills do not protect against sexually transmitted infections.
? can birth control pills help with acne and heavy periods
how: The combined pill mainly prevents ovulation and also thickens cervical mucus. Progestogen-only pills work mainly by thickening cervical mucus and in some formulations stopping ovulation.
? how does the pill stop you getting pregnant
side: Side effects can include nausea, breast tenderness, headaches, spotting and mood changes, often settling within three months. The combined pill slightly increases the risk of blood clots.
? is spotting between periods normal on the pill
avoid: Combined pills are not advised for smokers over 35, people with migraine with aura, a history of blood clots, some heart conditions or certain cancers; progestogen-only methods are alternatives. A clinician checks blood pressure, weight and medical history before prescribing.
? can i take birth control pills if i get migraines with flashing lights
interact: Some medicines reduce the effectiveness of hormonal contraception, including certain anti-epilepsy drugs, rifampicin and St John's wort. Vomiting or severe diarrhoea can also reduce absorption.
? what medicines stop birth control pills from working

take: Combined pills are taken daily, either with a seven-day break or continuously; missing pills, especially around the break, can reduce protection, and the leaflet explains when extra precautions are needed. Some newer progestogen-only pills have a longer window for missed doses.
? i missed two birth control pills what do i do
# Opioid painkillers [drug]
uses: Opioids such as codeine, tramadol, oxycodone and morphine treat moderate to severe pain, for example after surgery or injury, and in cancer and palliative care. Short courses at the lowest effective dose are preferred.
? when are opioids used for pain
how: Opioids bind to opioid receptors in the brain and spinal cord, reducing the perception of pain. They also affect breathing and the gut.
? how do opioid painkillers work
side: Common side effects include constipation, nausea, drowsiness and itching. High doses can slow breathing dangerously, especially with alcohol or sedatives.
? why do pain pills make you so constipated
risk: Regular use leads to tolerance and physical dependence, and opioids carry a risk of addiction. Long-term use for chronic non-cancer pain is generally discouraged.
? can you get addicted to pain pills after surgery
care: Signs of opioid overdose include pinpoint pupils, extreme drowsiness, slow or stopped breathing and blue lips. Emergency services should be called and naloxone given if available.
? what does naloxone do and should i have some at home

avoid: Opioids are used with great caution in people with breathing problems, sleep apnea, a history of substance use or who take benzodiazepines, sleeping pills or alcohol. Driving should be avoided if the medicine causes drowsiness.
# Antibiotic resistance [condition]
what: Antibiotic resistance occurs when bacteria change so that antibiotics no longer kill them, making infections harder to treat. It is one of the major threats to global health.
? what does it mean when bacteria are resistant to antibiotics
cause: Every use of antibiotics gives resistant bacteria an advantage. Overuse for viral infections, incomplete courses against advice and use in farming all contribute.
? why won't my doctor give me antibiotics for my cold
prev: Using antibiotics only when needed and as prescribed, good hygiene, vaccination and infection control in hospitals help slow resistance. Leftover antibiotics should never be saved or shared.
? what can i do to stop antibiotic resistance
outlook: Resistant infections, such as MRSA and some gut bacteria, require stronger or intravenous antibiotics, longer hospital stays and carry higher death rates. Very few new classes of antibiotics have been developed in recent decades.
? what is mrsa
"""
