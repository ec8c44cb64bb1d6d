"""Authored fact base: teeth, hearing and balance, skin infections, environment, and other topics. Written for Attune by its authors."""

FACTS = """
# Tooth decay [condition]
what: Tooth decay (dental caries) is damage to the hard surface of a tooth caused by acids made by bacteria in plaque, which can progress to cavities. It is one of the most common chronic diseases in both children and adults.
sym: Early decay causes no pain; later signs include sensitivity to sweet, hot or cold, visible holes or dark spots, toothache and pain on biting. Decay between teeth may only be found on dental X-rays.
? my tooth zings when i drink something cold
cause: Bacteria in plaque ferment sugars from food and drinks into acid that dissolves tooth enamel; frequent sugary snacks and drinks, dry mouth and poor brushing increase the risk. Babies put to bed with bottles of milk or juice are at risk of early childhood decay.
tx: Small cavities are cleaned and filled; deeper decay reaching the nerve may need root canal treatment or extraction, while very early decay can be reversed with fluoride. Dental pain relief is a stopgap and does not treat the decay.
? can a cavity heal on its own
prev: Brushing twice daily with fluoride toothpaste, limiting sugary foods and drinks between meals, cleaning between teeth and regular dental check-ups prevent decay. Fluoride varnish and fissure sealants give children extra protection.
care: A dental abscess with facial swelling, fever or difficulty swallowing or opening the mouth needs urgent care. A dental abscess needs treatment from a dentist, and antibiotics alone do not cure it.
? my face is swollen from a toothache, is that an emergency

# Gum disease [condition]
what: Gum disease ranges from gingivitis, reversible inflammation of the gums, to periodontitis, in which the tissues and bone holding teeth are destroyed. It is very common, and early stages are often painless.
sym: Signs include red, swollen gums that bleed when brushing, bad breath, receding gums, and in advanced disease loose teeth. Bleeding is sometimes masked in smokers.
? my gums bleed every time i brush my teeth
risk: Smoking, diabetes, poor oral hygiene, pregnancy, dry mouth and a family history increase the risk of gum disease. People with diabetes benefit from regular dental checks.
tx: Gingivitis improves with thorough brushing and cleaning between teeth; periodontitis needs professional deep cleaning below the gumline and ongoing maintenance. Stopping smoking improves the results of gum treatment.
outlook: Periodontitis is a leading cause of tooth loss in adults and has been linked with poorer diabetes control and cardiovascular disease. Treating gum disease can help keep natural teeth for life.
? can gum disease affect the rest of your body

# Hearing loss [condition]
what: Hearing loss is reduced ability to hear sounds in one or both ears; it may be conductive, from problems in the outer or middle ear, or sensorineural, from damage to the inner ear or nerve. It becomes more common with age.
sym: Signs include difficulty following conversations in noisy places, asking people to repeat themselves, turning the television up and muffled speech. Family members often notice it before the affected person.
? my husband keeps turning the tv up and says everyone mumbles
cause: Common causes are ageing, loud noise exposure, earwax build-up, ear infections, some medicines and, in children, fluid behind the eardrum. Some infections in pregnancy and genetic conditions cause hearing loss from birth.
tx: Treatment depends on the cause: removing wax, treating infections, hearing aids, and cochlear implants for severe sensorineural loss. Untreated hearing loss is linked to social isolation and a higher risk of dementia.
? are hearing aids worth it
prev: Protecting ears from loud noise with earplugs or earmuffs and keeping headphone volume moderate reduces noise-induced hearing loss. Newborn hearing screening helps identify hearing loss early.
care: Sudden hearing loss in one ear, over hours to days, needs urgent assessment because early steroid treatment may improve recovery. Waiting can reduce the chance of recovery.
? woke up and can't hear out of one ear

# Tinnitus [condition]
what: Tinnitus is hearing sounds such as ringing, buzzing or hissing that do not come from an outside source. It is common and usually not a sign of serious disease.
? constant ringing in my ears after a concert that won't go away
cause: Tinnitus is often linked to hearing loss from ageing or noise, earwax, ear infections, and sometimes medicines or jaw problems; stress can make it more noticeable. It can also occur without any obvious cause.
tx: There is no single cure; hearing aids, sound therapy, relaxation and cognitive behavioural therapy reduce its impact. Many people find it becomes less noticeable over time.
care: Tinnitus in only one ear, pulsing in time with the heartbeat, or with sudden hearing loss or dizziness should be assessed by a doctor. These features may indicate a treatable underlying problem.
? i hear my heartbeat whooshing in one ear

# Benign paroxysmal positional vertigo [condition]
what: Benign paroxysmal positional vertigo (BPPV) is a common inner-ear cause of vertigo in which tiny crystals move into the balance canals. It is the most common cause of vertigo, especially in older adults.
sym: It causes brief spells of intense spinning lasting less than a minute, triggered by head movements such as rolling over in bed, looking up or bending down. It can cause nausea and unsteadiness.
? the room spins for a few seconds every time i roll over in bed
tx: BPPV is treated with repositioning manoeuvres, such as the Epley manoeuvre, which move the crystals back; many cases settle on their own. Exercises can be done at home after instruction.
? what is the epley maneuver
care: Vertigo with a new severe headache, double vision, slurred speech, weakness or difficulty walking may signal a stroke and needs emergency care. Continuous vertigo lasting hours to days suggests another cause.

# Vitamin D deficiency [condition]
what: Vitamin D deficiency means low levels of vitamin D, which the body needs to absorb calcium and keep bones and muscles healthy. It is common, especially in winter in countries far from the equator.
sym: It often causes no symptoms; severe deficiency can cause bone pain, muscle weakness, rickets in children and osteomalacia in adults. Deficiency in children can cause bowed legs.
risk: Risk is higher with little sun exposure, darker skin, covering the skin, older age, obesity, housebound people and conditions affecting fat absorption. Breastfed babies are often given vitamin D drops.
? do people with dark skin need more vitamin d
prev: Safe sun exposure in summer, foods such as oily fish, eggs and fortified products, and supplements in winter or for at-risk groups help maintain vitamin D. Very high doses can be harmful, so recommended amounts should not be exceeded.
? should i take vitamin d in the winter
tx: Deficiency is treated with vitamin D supplements, sometimes at higher loading doses prescribed for a short period, followed by maintenance. Calcium levels are sometimes checked during treatment.

# Lupus [condition]
what: Systemic lupus erythematosus is an autoimmune disease in which the immune system attacks many tissues, including skin, joints, kidneys and blood cells. It is a chronic condition that can range from mild to life-threatening.
sym: Symptoms include tiredness, joint pain, a butterfly-shaped rash across the cheeks and nose, sensitivity to sunlight, mouth ulcers, fever and hair loss, often in flares. Raynaud's phenomenon and swollen glands are also common.
? rash across my cheeks like a butterfly and my joints hurt
risk: Lupus is much more common in women, usually begins between 15 and 45, and is more common in people of African, Asian and Hispanic descent. Some medicines can cause a lupus-like illness that settles when they are stopped.
dx: Diagnosis combines symptoms, examination and blood tests including antinuclear antibodies (ANA) and anti-double-stranded DNA antibodies, with urine tests for kidney involvement. A positive ANA alone is common in healthy people and does not confirm lupus.
? my ana test was positive, does that mean i have lupus
tx: Treatment includes hydroxychloroquine for most patients, sun protection, NSAIDs for joint pain, and steroids, immunosuppressants or biologics for more serious organ involvement. Regular monitoring of blood and urine detects flares and kidney involvement.

# Fibromyalgia [condition]
what: Fibromyalgia is a long-term condition causing widespread body pain, tiredness and poor sleep, thought to involve increased sensitivity of the nervous system to pain. It is more common in women.
sym: Symptoms include widespread aching, stiffness, extreme fatigue, unrefreshing sleep, difficulty concentrating ("fibro fog") and headaches. Symptoms often worsen with stress, poor sleep and cold weather.
? i hurt all over, i'm exhausted and my tests are all normal
dx: There is no specific test; fibromyalgia is diagnosed from the pattern of symptoms after blood tests exclude conditions such as thyroid disease or inflammatory arthritis. It can coexist with other conditions such as arthritis.
tx: Gradual regular exercise is the most effective treatment, along with sleep improvement, psychological therapies and sometimes medicines such as amitriptyline or duloxetine. Pacing activities helps avoid boom-and-bust cycles.

# Dehydration [condition]
what: Dehydration occurs when the body loses more fluid than it takes in, so it lacks enough water to work normally. Even mild dehydration can cause headaches and reduced concentration.
sym: Signs include thirst, dark strong-smelling urine, passing little urine, dry mouth, tiredness and dizziness; babies may have a sunken soft spot and few wet nappies. Confusion, a very fast heartbeat and no urine for many hours indicate severe dehydration.
? how can i tell if my baby is dehydrated
cause: Common causes are vomiting and diarrhoea, fever, heavy sweating in hot weather or exercise, not drinking enough, and diuretic medicines or uncontrolled diabetes. Some people, including older adults, feel less thirsty.
tx: Mild dehydration is treated by drinking more fluids, with oral rehydration solutions when vomiting or diarrhoea cause loss of salts; severe dehydration needs intravenous fluids. Sports drinks contain too much sugar and too little salt for treating diarrhoea in children.
? is gatorade or pedialyte better for dehydration
risk: Babies, young children, older adults and people with chronic illnesses are most at risk. People with dementia may forget to drink.

# Heat exhaustion and heatstroke [condition]
what: Heat exhaustion is illness from overheating with heavy sweating and weakness; heatstroke is a life-threatening emergency in which body temperature rises above 40 C and the brain is affected. Heat exhaustion can progress to heatstroke without prompt cooling.
sym: Heat exhaustion causes headache, dizziness, nausea, heavy sweating, cramps and a fast pulse; heatstroke causes confusion, collapse, seizures and hot skin that may stop sweating. Heatstroke can develop in people who are still sweating.
? got dizzy and sick working outside in the heat, then felt confused
tx: Move the person somewhere cool, lie them down with legs raised, remove excess clothing, cool the skin with water and fanning, and give sips of water if alert; heatstroke needs emergency services. Improvement should be seen within 30 minutes of cooling.
prev: Drinking enough fluids, avoiding strenuous activity in the hottest part of the day, wearing light loose clothing and checking on older neighbours during heatwaves prevent heat illness. Never leave children or pets in parked cars.
risk: Older adults, infants, people with chronic diseases, outdoor workers, athletes and people taking diuretics or some psychiatric medicines are most vulnerable. Alcohol increases the risk.

# Burns [condition]
what: Burns are injuries to the skin and deeper tissues caused by heat, chemicals, electricity, radiation or friction; depth ranges from superficial to full thickness. Scalds from hot liquids are the most common burns in young children.
tx: First aid for a burn is to cool it under cool running water for 20 minutes, remove jewellery and clothing that is not stuck, and cover loosely with cling film or a clean non-fluffy dressing. Ice, butter and toothpaste should not be used.
? should i put butter or ice on a burn
care: Seek medical care for burns larger than the person's palm, deep burns, burns on the face, hands, feet, genitals or joints, chemical and electrical burns, and burns in young children or older adults. Burns that go all the way around a limb or chest need emergency care.
? my toddler pulled a cup of hot tea on himself, does he need a doctor
sym: Superficial burns are red and painful; partial-thickness burns blister; full-thickness burns may look white, leathery or charred and be painless because nerves are damaged. Burns that look white or charred are deep and need medical care.
prev: Keeping hot drinks and pan handles out of children's reach, setting hot water temperature safely and fitting smoke alarms prevent many burns. Smoke alarms should be tested regularly.

# Impetigo [condition]
what: Impetigo is a contagious bacterial skin infection, common in young children, caused by Staphylococcus aureus or Streptococcus bacteria. It is usually mild.
sym: It causes red sores, often around the nose and mouth, that burst and form golden-brown crusts. Sores can be itchy but are rarely painful.
? my kid has crusty honey colored sores around his nose
tx: Impetigo is treated with antiseptic or antibiotic cream, or antibiotic tablets for widespread infection; children can return to school once sores have crusted or 48 hours after starting antibiotics. Crusts can be gently washed off with soapy water.
prev: Washing hands, not sharing towels, keeping nails short and covering sores limit the spread. Avoid sharing flannels and bedding while infected.

# Scabies [condition]
what: Scabies is an itchy skin infestation caused by tiny mites that burrow into the skin, spread by prolonged skin-to-skin contact. It is not a sign of poor hygiene.
sym: It causes intense itching, worse at night, and a rash of small bumps, with burrow lines often between the fingers, on the wrists and around the waist. In infants it may affect the face, palms and soles.
? itching like crazy at night between my fingers and the whole family has it
tx: Scabies is treated with permethrin cream applied to the whole body and repeated after a week, or ivermectin tablets; all household members are treated at the same time, and bedding and clothes washed hot. Creams are applied from the neck down and left on for the time specified.
outlook: Itching can continue for several weeks after successful treatment as the skin settles, and does not necessarily mean treatment failed. Soothing creams and antihistamines can help during this period.

# Warts [condition]
what: Warts are small, rough skin growths caused by human papillomavirus; verrucas are warts on the soles of the feet. They are harmless and very common in children.
? how do i get rid of a wart on my finger
tx: Most warts disappear on their own within months to years; salicylic acid treatments and freezing (cryotherapy) can speed removal. Treatment can take many weeks and warts sometimes return.
cause: Warts spread by direct contact or from surfaces such as swimming pool floors, especially through damaged skin. They are more common in people with weakened immune systems.
care: A skin growth that bleeds, changes quickly, or appears on the face or genitals should be checked by a clinician rather than treated at home. Many warts are best left to resolve naturally.

# Alcohol use disorder [condition]
what: Alcohol use disorder is a pattern of drinking that causes harm or distress, including difficulty controlling drinking, cravings and continuing despite problems. It exists on a spectrum from mild to severe.
sym: Signs include drinking more than intended, failed attempts to cut down, cravings, neglecting responsibilities, tolerance and withdrawal symptoms such as shakiness and sweating. Friends and family often notice changes before the person does.
? how do i know if i'm drinking too much
tx: Treatment includes counselling, mutual support groups and medicines such as naltrexone, acamprosate or disulfiram to reduce relapse. Treatment also addresses related mental health problems.
care: Stopping suddenly after heavy daily drinking can cause dangerous withdrawal with seizures or delirium, so medically supervised detoxification is advised. Vitamin supplements, especially thiamine, protect the brain during withdrawal.
? is it dangerous to just stop drinking cold turkey
outlook: Long-term heavy drinking damages the liver, heart, brain and pancreas and raises the risk of several cancers. Cutting down at any stage brings health benefits.

# Bipolar disorder [condition]
what: Bipolar disorder is a mental health condition with episodes of depression and episodes of abnormally elevated mood called mania or hypomania. Episodes can last weeks to months, with stable periods in between.
sym: Mania causes decreased need for sleep, racing thoughts, rapid speech, grandiose ideas, risky behaviour and irritability; depressive episodes cause low mood and loss of interest. Some people experience psychotic symptoms during severe episodes.
? my brother hasn't slept in days, is talking nonstop and spending all his money
tx: Treatment uses mood stabilisers such as lithium, some antipsychotics, and psychological therapy; antidepressants alone can trigger mania. Regular sleep and routine help maintain stability.
? why do you need blood tests on lithium
risk: Bipolar disorder often begins in late adolescence or early adulthood and has a strong genetic component. Stress, sleep loss and some drugs can trigger episodes.

# Acute pancreatitis [condition]
what: Acute pancreatitis is sudden inflammation of the pancreas, the organ that makes digestive enzymes and insulin. Most cases are mild and settle within a week.
sym: It causes severe upper abdominal pain that often spreads to the back, with nausea, vomiting and fever. Sitting forward may ease the pain.
? terrible stomach pain going through to my back after a night of drinking
cause: Gallstones and heavy alcohol use are the most common causes; very high triglycerides, some medicines and procedures are others. Sometimes no cause is found.
tx: Treatment is in hospital with fluids, pain relief and nutrition support; the cause, such as gallstones, is treated to prevent recurrence. Severe cases need intensive care.
dx: Diagnosis is based on typical pain and raised blood levels of the enzyme lipase or amylase, with scans to find the cause. CT scans assess severity and complications.

# Hernia [condition]
what: A hernia occurs when part of an organ or fatty tissue pushes through a weak spot in the surrounding muscle, most commonly in the groin (inguinal hernia) or near the navel. Hernias are common and more frequent in men.
sym: A hernia causes a bulge that may disappear when lying down, with aching or discomfort on lifting, coughing or straining. A cough may make the bulge more obvious.
? lump in my groin that goes away when i lie down
tx: Hernias that cause symptoms are usually repaired surgically with mesh, often by keyhole surgery; small painless hernias may be watched. Lifting restrictions apply for a few weeks after surgery.
care: A hernia that becomes painful, firm and cannot be pushed back, especially with vomiting, may be strangulated and needs emergency surgery. Strangulation cuts off the blood supply to the trapped tissue.

# Vaginal thrush (yeast infection) [condition]
what: Vaginal thrush is a common yeast infection caused by overgrowth of Candida fungi in the vagina. Most women have at least one episode during their lives.
sym: It causes itching and soreness around the vagina, a thick white discharge like cottage cheese that usually has little odour, and stinging when urinating. Itching that returns soon after treatment may need further testing.
? itching down there with thick white discharge
cause: Thrush is more likely after antibiotics, in pregnancy, with poorly controlled diabetes and a weakened immune system; it is not usually sexually transmitted. Tight clothing and perfumed products may contribute.
tx: Antifungal pessaries, creams or a single oral tablet such as fluconazole treat thrush; recurrent infections need assessment. Oral fluconazole is not used in pregnancy, where pessaries and creams are preferred.
? can i use over the counter yeast infection treatment while pregnant

# Testicular torsion [condition]
what: Testicular torsion is twisting of a testicle on its cord, cutting off its blood supply; it is a surgical emergency most common in teenagers. It can occur at any age but is most common in adolescents.
sym: It causes sudden severe pain in one testicle, often with swelling, lower abdominal pain, nausea and vomiting. Pain can also start in the abdomen.
? my teenage son woke up with really bad pain in one testicle
care: Sudden testicular pain needs immediate emergency care, because surgery within about six hours usually saves the testicle. Do not wait to see if the pain settles.

risk: Torsion is most common between ages 12 and 18 and in newborns; some boys have an inherited attachment of the testicle that lets it rotate freely, and it can follow exercise or happen during sleep. Boys should be encouraged to tell an adult about testicular pain without embarrassment.
dx: Torsion is often diagnosed clinically and taken straight to surgery; an ultrasound may be done only if it does not delay the operation. Delay to surgery increases the chance of losing the testicle.
? do they need a scan before surgery for a twisted testicle
# Nicotine replacement therapy [drug]
uses: Nicotine replacement therapy (NRT) helps people stop smoking by relieving cravings and withdrawal symptoms, using patches, gum, lozenges, inhalators or sprays. Used properly, it raises the chance of quitting by about half compared with willpower alone.
? do nicotine patches actually help you quit
how: NRT delivers nicotine without the tar and carbon monoxide in tobacco smoke, reducing withdrawal while the smoking habit is broken. Nicotine itself is not the main cause of smoking-related cancers and lung disease.
side: Side effects include skin irritation from patches, vivid dreams when patches are worn overnight, hiccups, mouth or throat irritation and nausea. Most side effects are mild and settle or improve with a change of product.
take: Combining a long-acting patch with a short-acting form such as gum or spray is more effective than one product; treatment usually continues for about 8 to 12 weeks. Support from a stop-smoking service further improves success.
? can i use the patch and gum at the same time
avoid: NRT is much safer than smoking, including for people with heart disease and in pregnancy, where it may be used with professional advice. The risk of becoming dependent on NRT is low.

# Pulse oximetry [test]
purpose: A pulse oximeter clips onto a finger to estimate the oxygen saturation of the blood and the pulse rate, used in lung and heart illness, COVID-19 and during anaesthesia. Home monitoring is used in some chronic lung diseases.
? what should my oxygen level be on a finger monitor
results: Normal saturation is usually 95 to 100 percent; persistent readings below about 92 percent, or lower than a person's usual level, need medical review. Trends over time and symptoms matter more than a single number.
? is 93 percent oxygen level bad
risks: Readings can be inaccurate with cold fingers, nail polish, poor circulation, movement, and may overestimate oxygen levels in people with darker skin. Symptoms such as severe breathlessness need medical attention whatever the reading.
? can nail polish affect pulse ox readings
proc: The device shines red and infrared light through the fingertip and measures how much is absorbed; readings stabilise within seconds at rest. Warm hands and sitting still improve accuracy.

# Lumbar puncture [test]
purpose: A lumbar puncture (spinal tap) collects a sample of the fluid around the brain and spinal cord to diagnose meningitis, bleeding and some neurological conditions. It can also measure pressure in the fluid and deliver some medicines.
? why would someone need a spinal tap
proc: A thin needle is inserted between the bones of the lower back, below the end of the spinal cord, under local anaesthetic while the person lies curled on their side or sits bent forward. The procedure usually takes 15 to 30 minutes.
? does a spinal tap hurt
risks: The most common side effect is a headache that is worse when upright, usually settling with rest and fluids; infection and bleeding are rare. Brain imaging may be done first when raised pressure is suspected.
? what is a spinal headache
results: The fluid is examined for cells, protein, glucose, bacteria and viruses; some results are available within hours and cultures take days. Opening pressure is measured at the start of the procedure.

# Meningitis [condition]
what: Meningitis is inflammation of the membranes surrounding the brain and spinal cord, usually from infection; bacterial meningitis is a medical emergency. Viral meningitis is more common and usually less severe.
sym: Symptoms include fever, severe headache, stiff neck, dislike of bright light, vomiting, drowsiness and sometimes a rash that does not fade under pressure. Babies may be floppy, irritable, and have a bulging soft spot.
? how do you do the glass test for a meningitis rash
tx: Bacterial meningitis needs immediate intravenous antibiotics in hospital; viral meningitis is usually milder and managed with supportive care. Close contacts of bacterial meningitis may be given preventive antibiotics.
prev: Vaccines against meningococcal, pneumococcal and Hib bacteria protect against the most common causes of bacterial meningitis. These vaccines are part of routine schedules in many countries.
care: Seek emergency help at once for fever with a stiff neck, severe headache, confusion or a non-blanching rash. Do not wait for a rash to appear.
"""
