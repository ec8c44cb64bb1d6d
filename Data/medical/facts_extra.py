"""Authored fact base: a final batch of conditions, medicines and tests. Written for Attune by its authors."""

FACTS = """
# Cold sores [condition]
what: Cold sores are small fluid-filled blisters on or around the lips caused by the herpes simplex virus, usually type 1. After the first infection the virus stays dormant in nerves and can reactivate.
? why do i keep getting blisters on my lip when i'm run down
sym: An outbreak often starts with tingling or burning, followed by blisters that burst, weep and crust over within about 10 days. The first infection in children can cause painful sores throughout the mouth and fever.
cause: The virus spreads by direct contact such as kissing or sharing cups and lip balm. Reactivation is triggered by illness, stress, strong sunlight, menstruation or tiredness.
? can the sun give you cold sores
tx: Antiviral creams or tablets such as aciclovir shorten outbreaks if started at the first tingle. Most cold sores heal on their own without scarring.
prev: Avoiding kissing babies and people with weak immune systems while a sore is present prevents spread. Sunscreen lip balm reduces sun-triggered outbreaks.
care: A cold sore near the eye, widespread sores in someone with eczema, or sores in a newborn need urgent medical assessment. People with weakened immunity should also seek advice early.
? my baby has a blister on his lip after grandma kissed him

# Ringworm (tinea) [condition]
what: Ringworm is a common fungal skin infection, not a worm, that can affect the body, scalp, groin or feet. It is caused by dermatophyte fungi.
? is ringworm actually a worm
sym: On the body it causes a red or darker, scaly, itchy ring-shaped patch that spreads outwards with a clearer centre. On the scalp it causes scaly patches and hair loss.
? red itchy circle on my arm that keeps getting bigger
cause: It spreads through contact with infected people, animals such as cats and dogs, and shared items like towels and hairbrushes. Warm, damp conditions help it grow.
? can my kid get ringworm from the cat
tx: Body ringworm usually clears with antifungal cream used for a week or two after the rash has gone. Scalp ringworm needs antifungal tablets because creams cannot reach the hair roots.
prev: Keeping skin clean and dry, not sharing towels or combs and treating infected pets prevent ringworm. Steroid creams alone can make it spread.

# Kidney infection (pyelonephritis) [condition]
what: A kidney infection is a bacterial infection that has travelled up from the bladder to one or both kidneys. It is more serious than a bladder infection and needs prompt treatment.
sym: Symptoms include fever, shivering, pain in the back or side below the ribs, nausea and vomiting, often with burning urination and frequency. People may feel very unwell.
? fever and pain in my back on one side plus it burns when i pee
tx: Kidney infections are treated with antibiotics, usually for 7 to 14 days depending on the medicine. People who are vomiting, pregnant or very unwell may need intravenous treatment in hospital.
risk: Risk is higher in women, in pregnancy, with kidney stones or other blockages, urinary catheters, diabetes and an enlarged prostate. Recurrent infections may lead to kidney scarring.
care: Sepsis can develop from a kidney infection, so confusion, fast breathing, very low urine output or mottled skin need emergency care. Symptoms that are not improving after 48 hours of antibiotics should be reviewed.
? still have fever after 2 days of antibiotics for kidney infection

# Bunions [condition]
what: A bunion (hallux valgus) is a bony bump at the base of the big toe that forms as the big toe drifts towards the other toes. It develops gradually over years.
? what is that bony lump at the side of my big toe
sym: Bunions cause a visible bump, redness and soreness over the joint, pain in narrow shoes and sometimes hard skin or overlapping toes. Pain does not always match how the bunion looks.
cause: Bunions tend to run in families and are linked to foot shape. Tight, pointed or high-heeled shoes can make them worse but are not the only cause.
tx: Wide, soft shoes, bunion pads, toe spacers and pain relief ease symptoms. Surgery realigns the bones when pain persists, but recovery can take several months.
? is bunion surgery worth it

# Motion sickness [condition]
what: Motion sickness is nausea and discomfort caused by a mismatch between what the eyes see and what the balance organs in the inner ear sense. It occurs in cars, boats, planes and virtual reality.
sym: It causes nausea, vomiting, pale skin, cold sweats, dizziness and yawning. Symptoms usually settle soon after the motion stops.
? my kids always throw up on long car rides
prev: Looking at the horizon, sitting in the front seat or over the wings of a plane, avoiding reading and keeping fresh air flowing help. Eating a light meal before travel may reduce symptoms.
tx: Medicines such as hyoscine patches or sedating antihistamines work best taken before travelling. They can cause drowsiness and dry mouth.
? what's the best thing to take for seasickness on a cruise
risk: Motion sickness is common in children aged 2 to 12, during pregnancy and in people with migraine. Babies under two rarely get it.

# Obsessive-compulsive disorder [condition]
what: Obsessive-compulsive disorder (OCD) is a mental health condition involving unwanted, distressing thoughts (obsessions) and repetitive behaviours or mental acts (compulsions) done to reduce the distress. It is not simply liking things tidy.
sym: Common obsessions involve contamination, harm, doubt or the need for things to feel right. Compulsions include excessive washing, checking, counting, ordering or seeking reassurance, often taking up hours a day.
? i have to check the stove and door locks over and over before i can leave the house
tx: Cognitive behavioural therapy with exposure and response prevention is the most effective treatment. SSRIs, often at higher doses, help many people.
outlook: Without treatment OCD tends to be long-lasting, but most people improve significantly with therapy and medication. Symptoms can flare during stressful periods.

# Schizophrenia [condition]
what: Schizophrenia is a serious mental health condition affecting how a person thinks, perceives and behaves. It typically begins in late adolescence or early adulthood.
sym: Symptoms include hallucinations such as hearing voices, fixed false beliefs (delusions), disorganised thinking, and reduced motivation, emotion and social contact. Onset may follow months of withdrawal and declining functioning.
? my son thinks people are spying on him and says he hears voices
cause: It results from a combination of genetic vulnerability and environmental factors such as complications around birth, childhood adversity and heavy cannabis use in adolescence. It is not caused by bad parenting.
tx: Treatment combines antipsychotic medicines with psychological therapy, family support and help with work, housing and education. Early intervention services improve outcomes.
outlook: Many people recover well or have long periods with few symptoms, especially with continued treatment. People with schizophrenia have higher rates of heart disease, so physical health checks matter.

# Autism spectrum disorder [condition]
what: Autism is a lifelong neurodevelopmental difference affecting social communication and interaction, with restricted or repetitive behaviours and interests. It varies widely in how it affects each person.
sym: Signs in young children include limited eye contact, not responding to their name, delayed or unusual speech, repetitive movements, strong routines and intense sensory reactions. Some people are diagnosed only as adults.
? my 2 year old doesn't point or look at us when we call his name
dx: Autism is diagnosed by a specialist team through developmental history, observation and standard assessment tools. There is no blood test or scan for autism.
cause: Autism has a strong genetic component. Vaccines do not cause autism.
tx: Support focuses on communication, social skills, education, and managing sensory needs and co-occurring conditions such as anxiety or ADHD. Early support can improve outcomes.

# Mumps [condition]
what: Mumps is a contagious viral infection that mainly causes swelling of the salivary glands. It has become less common since MMR vaccination.
sym: It causes painful swelling below the ears on one or both sides, giving a hamster-like face, with fever, headache and pain when chewing. Some infections cause no symptoms.
? swollen puffy cheeks below the ears and it hurts to chew
outlook: Complications include painful swollen testicles in males after puberty, meningitis, pancreatitis and, rarely, hearing loss. Most people recover within two weeks.
prev: Two doses of MMR vaccine prevent most mumps, and outbreaks still occur in places where people are in close contact. People with mumps should stay away from school or work for five days after the swelling starts.

# Scarlet fever [condition]
what: Scarlet fever is an illness caused by group A Streptococcus bacteria, usually with a sore throat, that mostly affects children aged 5 to 15. It is contagious but usually mild with treatment.
sym: It causes a fine, rough rash like sandpaper that starts on the chest and tummy and spreads, along with sore throat, fever, flushed cheeks and a red, bumpy strawberry tongue. The rash may be harder to see on darker skin but still feels rough.
? rash that feels like sandpaper and my daughter's tongue is bright red
tx: Scarlet fever is treated with antibiotics, usually penicillin, which speed recovery and reduce complications. Children can usually return to school once they feel well and have taken antibiotics for 12 to 24 hours, depending on local guidance.
care: Seek help if a child with scarlet fever becomes drowsy, has difficulty breathing, severe pain, or is not drinking. Rarely, invasive streptococcal infection can develop and needs urgent treatment.

# Sepsis [condition]
what: Sepsis is a life-threatening reaction to an infection in which the body's response damages its own organs. It needs emergency treatment because it can worsen within hours.
sym: Warning signs include confusion or slurred speech, fast breathing, a very fast heart rate, feeling very cold or shivering, mottled or bluish skin, and passing very little urine. The person often says they feel like they might die.
? my grandma has a uti and suddenly she's confused and breathing fast
risk: Sepsis is more likely in babies, older adults, people with chronic illnesses or weakened immunity, after surgery, and in those with recent infections or wounds. Any infection can lead to sepsis.
tx: Treatment in hospital includes prompt intravenous antibiotics, fluids and support for failing organs, sometimes in intensive care. Every hour of delay in antibiotics increases the risk of death.
outlook: Many survivors recover fully, but some have long-lasting tiredness, muscle weakness, poor sleep and low mood. Rehabilitation and follow-up support help.

# Ectopic pregnancy [condition]
what: An ectopic pregnancy is one that implants outside the womb, most often in a fallopian tube. It cannot continue and can cause life-threatening bleeding if the tube ruptures.
sym: Symptoms usually appear between 4 and 12 weeks and include one-sided lower abdominal pain, vaginal bleeding or brown discharge, shoulder-tip pain and discomfort passing stools. Collapse suggests internal bleeding.
? positive pregnancy test and sharp pain on one side with spotting
risk: Risk is higher after a previous ectopic pregnancy, pelvic inflammatory disease, tubal surgery, with an intrauterine device in place, with fertility treatment and in smokers. About half of ectopic pregnancies occur in people with no known risk factors.
dx: It is diagnosed with a transvaginal ultrasound and repeated blood tests of the pregnancy hormone hCG. Sometimes the pregnancy cannot be seen at first, and tests are repeated over several days.
tx: Treatment options include a methotrexate injection, keyhole surgery to remove the pregnancy, or careful monitoring in some stable cases. Emotional support is an important part of care.

# Postnatal depression [condition]
what: Postnatal depression is depression that develops in the year after having a baby. It is common, can affect either parent, and is different from the brief baby blues.
sym: Symptoms include persistent low mood, tearfulness, anxiety, feeling unable to cope or bond with the baby, poor sleep even when the baby sleeps, and thoughts of self-harm. Baby blues settle within two weeks; postnatal depression lasts longer.
? baby is 2 months old and i cry every day and feel like a bad mother
risk: Risk is higher with a history of depression, lack of support, a difficult birth, relationship stress and a baby with health problems. It can happen to anyone and is not a sign of being a bad parent.
tx: Treatment includes talking therapies, support groups, practical help and antidepressants, several of which can be used while breastfeeding. Health visitors, midwives and family doctors can all help arrange support.
? can i take antidepressants while breastfeeding
care: Thoughts of harming oneself or the baby, confusion or hearing voices after birth need emergency help. Postpartum psychosis is rare but treatable.

# Newborn jaundice [condition]
what: Newborn jaundice is yellowing of a baby's skin and the whites of the eyes caused by a build-up of bilirubin. It is very common in the first week and usually harmless.
? my newborn looks a bit yellow, is that normal
cause: Newborns break down red blood cells quickly and their liver is still maturing. Breastfed babies may have jaundice for longer, which is rarely a reason to stop breastfeeding.
dx: Bilirubin is measured with a skin meter or a heel-prick blood test. Visual checks alone can underestimate jaundice, especially in babies with darker skin.
tx: Most jaundice settles without treatment, but high levels are treated with phototherapy, a special blue light. Very high levels rarely need an exchange transfusion.
care: Jaundice in the first 24 hours, a baby who is sleepy and feeding poorly, pale chalky stools or dark urine, or jaundice lasting beyond two weeks need prompt medical assessment. These features can indicate a liver problem or severe jaundice that needs treatment.
? my baby is still yellow at 3 weeks old

# Loperamide [drug]
uses: Loperamide is an anti-diarrhoeal medicine used for short-term relief of acute diarrhoea and for some chronic conditions under medical advice. It does not treat the cause or replace rehydration.
? is it ok to take imodium for diarrhea
how: Loperamide slows the movement of the gut so that more water is absorbed from the stool. It acts on opioid receptors in the gut wall without the effects of opioids on the brain at normal doses.
avoid: It should not be used for bloody diarrhoea, diarrhoea with high fever, or after recent antibiotics if C. difficile infection is possible. It is not recommended for young children.
? should i take imodium if there is blood in my diarrhea
side: Side effects include constipation, bloating, abdominal cramps and dizziness. Taking much more than recommended can cause dangerous heart rhythm problems.

# Furosemide (loop diuretics) [drug]
uses: Furosemide is a strong diuretic, or water tablet, used to remove excess fluid in heart failure, liver and kidney disease, and sometimes for high blood pressure. It is also given by injection in hospital for rapid fluid removal.
? what does furosemide do
how: It acts on the kidneys to make them excrete more salt and water, producing more urine within an hour of taking it. Its effect lasts about six hours.
side: It can cause dehydration, dizziness, low potassium, sodium or magnesium, gout attacks and changes in kidney function. Blood tests monitor salts and kidney function.
take: It is usually taken in the morning so the need to pass urine does not disturb sleep. Doses may need adjusting during vomiting, diarrhoea or hot weather.
? why do i have to take my water pill in the morning
interact: Combining it with NSAIDs reduces its effect and can harm the kidneys, and it can increase the toxicity of lithium and some antibiotics. Low potassium from furosemide increases the risk of rhythm problems with digoxin.

# Gabapentin [drug]
uses: Gabapentin is used to treat nerve pain, such as pain after shingles or from diabetic neuropathy, and some types of epilepsy. It is also prescribed for some other nerve-related conditions.
? is gabapentin a painkiller
how: Gabapentin binds to calcium channels on nerve cells and reduces the release of chemical signals that transmit pain. It does not work for most ordinary aches and pains.
side: Common side effects are drowsiness, dizziness, unsteadiness, weight gain and swelling of the legs. These are more likely at higher doses and in older adults.
? gabapentin makes me feel dizzy and drunk
avoid: Gabapentin can cause dangerous drowsiness and slow breathing when combined with opioids or alcohol. It can be misused, and the dose is reduced in kidney disease.
take: The dose is started low and increased gradually. It should be tapered rather than stopped suddenly, especially in people with epilepsy.

# Home pregnancy test [test]
purpose: Home pregnancy tests detect the hormone hCG in urine, which is produced after a fertilised egg implants in the womb. Many tests can detect pregnancy from around the first day of a missed period.
? how soon can a pregnancy test detect pregnancy
proc: The test stick is held in the urine stream or dipped into a collected sample, and the result is read after the time stated in the instructions. First-morning urine has the highest concentration of hCG.
results: A positive result, even a faint line, almost always means pregnancy. A negative result taken too early may be wrong, so testing again a few days after a missed period is advised.
? faint line on my pregnancy test, am i pregnant
risks: False positives are rare but can follow a recent miscarriage or some fertility medicines. Pain or bleeding with a positive test should be assessed for ectopic pregnancy.

# Faecal immunochemical test (FIT) [test]
purpose: The faecal immunochemical test detects tiny amounts of human blood in a stool sample. It is used for bowel cancer screening and to help decide who needs a colonoscopy.
? what is the fit test they mailed me
proc: A small stool sample is collected at home with a stick from the kit, sealed in a tube and posted or returned to the laboratory. No diet changes are needed.
results: A positive FIT means blood was found and is usually followed by a colonoscopy; most people with a positive test do not have cancer. A negative test does not completely rule out bowel problems if symptoms persist.
? my fit test came back positive, do i have cancer
prep: Sampling is best avoided during a menstrual period or while haemorrhoids are bleeding, as blood may contaminate the sample. The kit instructions explain how to label and store the sample.

# Allergy skin prick test [test]
purpose: Skin prick testing checks whether a person is sensitised to specific allergens, such as pollen, dust mites, pet dander, foods or insect venom. It gives results within the same appointment.
? how do they test what you're allergic to on your arm
proc: Drops of allergen extracts are placed on the forearm or back, and the skin is lightly pricked through each drop. Results are read after about 15 minutes by measuring raised itchy bumps.
prep: Antihistamines must usually be stopped several days before testing because they block the reaction. Other medicines should be discussed with the clinic.
? do i need to stop my allergy pills before skin testing
results: A positive test shows sensitisation but not necessarily allergy, so results are interpreted together with the person's history. Food allergy may be confirmed by a supervised food challenge.
risks: The test is generally safe; itching at test sites is common, and serious allergic reactions are rare, so testing is done where emergency treatment is available. Blood tests for specific IgE are an alternative when skin testing is not possible.
"""
