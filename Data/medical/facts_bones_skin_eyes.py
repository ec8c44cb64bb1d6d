"""Authored fact base: bone, joint, muscle, skin and eye topics. Written for Attune by its authors."""

FACTS = """
# Osteoarthritis [condition]
what: Osteoarthritis is the most common form of arthritis, in which the cartilage cushioning the ends of bones wears down and the whole joint undergoes changes, most often in the knees, hips, hands and spine. It is a leading cause of pain and disability in older adults.
? what's the difference between wear and tear arthritis and rheumatoid
sym: It causes joint pain that worsens with use and eases with rest, brief stiffness after inactivity, reduced movement, creaking or grating, and sometimes swelling or bony lumps on finger joints. Symptoms often fluctuate, with flares lasting days to weeks.
? knees ache after walking and feel stiff for a few minutes when i get up
risk: Risk increases with age, previous joint injury, obesity, female sex, family history and repetitive joint stress from some jobs or sports. Knee osteoarthritis is strongly linked to excess body weight.
? does running cause arthritis in your knees
tx: Exercise to strengthen muscles, weight loss when overweight, topical NSAIDs, and walking aids form the core of treatment; steroid injections and joint replacement are options for severe disease. Paracetamol has only a small benefit, and long-term oral NSAIDs carry risks.
? is walking good or bad for arthritis in the knee
prev: Keeping a healthy weight, staying active with low-impact exercise and protecting joints from injury lower the risk and slow progression. Running in healthy knees has not been shown to cause osteoarthritis.
? can losing weight help my knee arthritis

dx: Osteoarthritis is usually diagnosed from age, symptoms and examination; X-rays can show joint space narrowing and bony spurs but correlate poorly with pain, and blood tests are normal. Blood tests are sometimes used to rule out inflammatory arthritis.
? do i need an x ray to know if i have arthritis in my knee
# Rheumatoid arthritis [condition]
what: Rheumatoid arthritis is an autoimmune disease in which the immune system attacks the lining of the joints, causing inflammation that can damage cartilage and bone. It can also affect the eyes, lungs, heart and blood vessels.
? what is rheumatoid arthritis
sym: It typically causes painful, swollen, warm joints on both sides of the body, especially the small joints of the hands and feet, with morning stiffness lasting more than an hour and tiredness. Small lumps called rheumatoid nodules may develop under the skin near joints.
? my finger joints are puffy and stiff for hours every morning on both hands
dx: Diagnosis uses the pattern of joint swelling, blood tests for rheumatoid factor, anti-CCP antibodies and inflammation markers, and imaging. Some people with rheumatoid arthritis have negative antibody tests.
? what blood tests show rheumatoid arthritis
tx: Early treatment with disease-modifying drugs such as methotrexate, and biologic medicines if needed, controls inflammation and prevents joint damage. Methotrexate is used in much lower doses than in cancer treatment, with regular blood monitoring.
? why do they use methotrexate for rheumatoid arthritis, isn't that chemo

risk: Rheumatoid arthritis is more common in women, usually starts between 30 and 60, and is linked to smoking and family history. Stopping smoking improves response to treatment.
outlook: Untreated rheumatoid arthritis can cause joint deformity and disability and raises cardiovascular risk; early treatment allows many people to stay active and working. Specialist care aims for remission or low disease activity.
# Osteoporosis [condition]
what: Osteoporosis is a condition in which bones lose density and strength, becoming fragile and more likely to break after minor falls. It is common in older women and also affects men.
? what is osteoporosis
sym: Osteoporosis causes no symptoms until a bone breaks, often the wrist, hip or spine. Spinal fractures can cause back pain, loss of height and a stooped posture.
? my grandma is getting shorter and hunched over, is that her bones
risk: Risk factors include being female and postmenopausal, older age, family history, low body weight, smoking, heavy alcohol use, long-term steroid use and low calcium or vitamin D. Some medical conditions, such as rheumatoid arthritis and an overactive thyroid, also increase risk.
? why do women get osteoporosis after menopause
tx: Treatment includes bisphosphonates such as alendronic acid, other bone-strengthening medicines, calcium and vitamin D, and preventing falls. Bisphosphonate tablets are taken in a specific way, usually first thing in the morning with water while staying upright.
? what are the side effects of fosamax
prev: Weight-bearing and muscle-strengthening exercise, enough calcium and vitamin D, not smoking and limiting alcohol help maintain bone strength. Fall prevention, including home safety checks and balance training, reduces fractures.
? what exercises are good for bone strength

dx: Osteoporosis is diagnosed with a DEXA bone density scan, and fracture risk tools such as FRAX combine density with other risk factors to guide treatment. Height loss and spinal fractures seen on X-ray also prompt assessment.
# Low back pain [condition]
what: Low back pain is extremely common and in most cases is non-specific, meaning it comes from the muscles, ligaments and joints of the back rather than a serious disease. Most people experience it at some point in their life.
? threw my back out lifting a box, what should i do
tx: Staying active and continuing normal activities as much as possible speeds recovery more than bed rest. Heat, simple pain relief and exercise or physiotherapy help; most episodes improve within weeks.
? should i stay in bed with a bad back
care: Urgent care is needed for back pain with numbness around the genitals or buttocks, new bladder or bowel problems, leg weakness, fever, a history of cancer, or after significant trauma. These red flags are uncommon but need prompt assessment.
? back pain and numbness between my legs and trouble peeing
prev: Regular exercise, core strengthening, good lifting technique and avoiding long periods of sitting help prevent recurrence. Being overweight and smoking are linked to more back pain.
? how do i stop my back pain from coming back

cause: Most back pain comes from strained muscles or ligaments, disc and joint changes, poor conditioning or awkward lifting; serious causes such as infection, fracture or cancer are uncommon. Scans often show age-related changes that do not explain the pain.
# Sciatica [condition]
what: Sciatica is pain along the sciatic nerve, which runs from the lower back down the back of the leg, usually caused by a herniated disc pressing on a nerve root. The leg pain is often worse than the back pain.
? what is sciatica
sym: It causes shooting or burning pain from the buttock down one leg, often below the knee, sometimes with numbness, tingling or weakness. Coughing or sneezing can make the pain worse.
? shooting pain from my butt down the back of my leg to my foot
tx: Most sciatica improves within weeks to a few months with activity, pain relief and physiotherapy; surgery is considered for severe or persistent cases. Gabapentin-type medicines have limited benefit for sciatica.
? how long does sciatica take to go away
care: Sciatica with leg weakness that is getting worse, or with loss of bladder or bowel control or numbness in the saddle area, needs emergency assessment. These can be signs of cauda equina syndrome.
? when is sciatica an emergency

cause: Sciatica is most often caused by a bulging or herniated disc in the lower spine; narrowing of the spinal canal (spinal stenosis) is a common cause in older adults. Less often, a narrowing where the nerve leaves the spine or a tight buttock muscle is responsible.
# Ankle sprain [condition]
what: An ankle sprain is a stretching or tearing of the ligaments that support the ankle, most often on the outer side after rolling the foot inward. Severity ranges from mild stretching to a complete tear.
? what is a sprained ankle
sym: Sprains cause pain, swelling, bruising and difficulty bearing weight. A popping sensation may be felt at the time of injury.
? rolled my ankle playing basketball and it's swollen and purple
tx: Early care includes rest, ice, compression and elevation, followed by gentle movement and balance exercises; most sprains heal in weeks. Severe sprains may need a brace or boot and physiotherapy.
? should i use ice or heat on a sprained ankle
care: An X-ray is needed if a person cannot take four steps, or there is tenderness over the ankle bones, to check for a fracture. Persistent pain, instability or swelling after several weeks should also be reviewed.
? how do i know if my ankle is broken or just sprained

prev: Balance and strengthening exercises, supportive footwear and taping or bracing during sport reduce the risk of re-spraining an ankle. Fully completing rehabilitation reduces the chance of repeated injury.
# Tennis elbow [condition]
what: Tennis elbow (lateral epicondylitis) is pain on the outer side of the elbow caused by overuse of the forearm muscles that extend the wrist. It affects many people who do not play tennis.
? what is tennis elbow
sym: Pain on the outside of the elbow worsens when gripping, lifting or twisting, such as opening jars or shaking hands. Pain may spread down the forearm.
? outside of my elbow hurts when i grip my coffee mug and i don't even play tennis
tx: Rest from aggravating activities, a forearm brace, pain relief and specific exercises help; most cases resolve within a year. Steroid injections give short-term relief but may increase the chance of recurrence.
? does a tennis elbow strap help

cause: It results from repeated gripping and wrist extension, for example using tools, typing, gardening or racket sports, which causes small tears and degeneration where the tendon attaches to the bone. It is most common between 30 and 50.
? why do i have tennis elbow from using a screwdriver at work
# Plantar fasciitis [condition]
what: Plantar fasciitis is irritation of the thick band of tissue on the sole of the foot that connects the heel to the toes. It is one of the most common causes of heel pain.
? what is plantar fasciitis
sym: It causes heel pain that is worst with the first steps in the morning or after rest and eases with walking, then worsens with long standing. It usually affects one foot but can affect both.
? heel pain first thing in the morning like stepping on a nail
tx: Stretching the calf and sole, supportive footwear, insoles, weight loss and pain relief help; most people improve within months. Shockwave therapy or injections are sometimes used for stubborn cases.
? what are the best stretches for heel pain

risk: It is more common between ages 40 and 60, in runners, people who stand for long periods, with overweight, flat feet or high arches, and with tight calf muscles. Sudden increases in running distance can also trigger it.
? why does my heel hurt since i started a job standing all day
# Eczema (atopic dermatitis) [condition]
what: Atopic eczema is a long-term inflammatory skin condition that makes the skin dry, itchy and inflamed. It often starts in childhood and is linked with asthma and hay fever.
? what is eczema
sym: Eczema causes dry, itchy, red or darker patches, often in the creases of the elbows and knees, on the face in babies, and on the hands; scratching can make skin thick or weepy. Infected eczema may weep, crust or become very painful.
? baby has dry rough red patches on his cheeks that he keeps rubbing
tx: Generous daily emollients, avoiding soaps and irritants, and topical steroids for flares are the mainstays; severe eczema may need other immune-modifying treatments. Used correctly, topical steroids are safe and effective.
? are steroid creams safe to use on my child's eczema
prev: Moisturising regularly, using soap substitutes, wearing soft fabrics and identifying triggers such as heat or irritants reduce flares. Bathing in lukewarm water and patting the skin dry help.
? what soap is best for eczema

cause: Eczema results from a weakened skin barrier, often linked to genes such as filaggrin, combined with immune overactivity; irritants, heat, stress and allergens can trigger flares. Food allergies can contribute in some young children but are not the cause for most people.
# Psoriasis [condition]
what: Psoriasis is a chronic immune-mediated skin disease in which skin cells build up quickly, forming raised, scaly patches called plaques. It affects people of all ages.
? what is psoriasis
sym: Plaques are well-defined, red or darker and covered in silvery scales, commonly on elbows, knees, scalp and lower back; nails may be pitted and some people develop joint pain. Plaques can be itchy or sore.
? thick silvery flaky patches on my elbows and scalp
tx: Treatment includes moisturisers, topical steroids and vitamin D analogues, phototherapy, and for extensive disease, systemic or biologic medicines. Treatment choice depends on the extent and location of the plaques.
? what is the best treatment for psoriasis
cause: Psoriasis is not contagious; it results from immune system activity in genetically predisposed people, and can be triggered by stress, infections, injury to the skin and some medicines. Smoking and heavy drinking are associated with more severe disease.
? can you catch psoriasis from someone

outlook: Psoriasis is a lifelong condition that comes and goes; it is linked with psoriatic arthritis, heart disease, depression and metabolic syndrome. Good control of skin disease can improve quality of life substantially.
# Acne [condition]
what: Acne is a common skin condition in which hair follicles become blocked with oil and dead skin cells, causing spots mainly on the face, chest and back. It is most common in teenagers but can persist into adulthood.
? what causes acne in adults
sym: Acne includes blackheads, whiteheads, red bumps, pus-filled spots, and in severe cases deep painful nodules or cysts that can scar. Acne can affect self-esteem and mood.
? what are cystic pimples
cause: Acne is driven by hormones that increase oil production, blocked pores, bacteria and inflammation; it is not caused by dirty skin. Evidence links some diets high in sugar and dairy with acne, but the effect is modest.
? does chocolate and greasy food cause pimples
tx: Treatment includes topical benzoyl peroxide, retinoids and antibiotics, oral antibiotics or hormonal treatment, and isotretinoin for severe acne. Treatments usually take six to eight weeks to show benefit.
? what is accutane and why do you need blood tests on it

care: Acne that is severe, scarring, not improving with over-the-counter treatment, or affecting mood should be seen by a clinician. Early treatment reduces scarring.
# Rosacea [condition]
what: Rosacea is a long-term skin condition mainly affecting the face, causing flushing, persistent redness, visible blood vessels and sometimes spots. It most often starts after age 30.
? what is rosacea
sym: Redness across the cheeks and nose comes and goes with triggers such as heat, alcohol, spicy food and sun; eyes may feel gritty. Small red bumps can occur and may be mistaken for acne.
? my cheeks and nose are red all the time and get worse after wine
tx: Avoiding triggers, daily sunscreen and gentle skincare help, along with topical treatments, oral antibiotics for spots and laser therapy for vessels. It can be controlled but not cured.
? what helps rosacea redness

cause: The exact cause of rosacea is unknown; blood vessel reactivity, immune factors and skin mites may play a part. It is not caused by poor hygiene and is not contagious.
? is rosacea caused by drinking
# Shingles [condition]
what: Shingles is a painful rash caused by reactivation of the chickenpox virus (varicella-zoster), which lies dormant in nerves after chickenpox. Anyone who has had chickenpox can develop it.
? what causes shingles
sym: Shingles usually begins with burning or tingling pain on one side of the body, followed by a band of blisters that crust over in 7 to 10 days. It usually affects one area, such as the chest or one side of the face.
? painful blistery rash in a stripe on one side of my back
tx: Antiviral medicines work best within 72 hours of the rash appearing and reduce severity; pain relief is often needed. Shingles affecting the eye needs urgent assessment.
? how soon do you need antivirals for shingles
outlook: Some people develop postherpetic neuralgia, nerve pain persisting for months after the rash, which is more common in older adults. Older people and those with severe pain at the start are more likely to develop it.
? how long does nerve pain last after shingles
prev: A shingles vaccine is recommended for older adults and some people with weakened immune systems to reduce the risk of shingles and long-term nerve pain. The vaccine can be given after a previous episode.
? should i get the shingles vaccine if i already had shingles

# Cellulitis [condition]
what: Cellulitis is a bacterial infection of the deeper layers of the skin, most often on the legs, usually entering through a break in the skin. It is not the same as a skin abscess, which is a collection of pus.
? what is cellulitis
sym: It causes an expanding area of red or darker, warm, swollen and tender skin, often with fever and feeling unwell. It usually affects one leg, and red legs on both sides are more likely to be something else.
? red hot swollen patch on my leg that's getting bigger every day
tx: Cellulitis is treated with antibiotics by mouth, or intravenously if severe; elevating the limb helps. Marking the edge of the redness helps track improvement.
? how long does cellulitis take to go away
care: Seek urgent care if redness spreads rapidly, there is high fever, severe pain out of proportion, or the infection is near the eye. Signs of sepsis such as confusion or fast breathing are an emergency.
? when is cellulitis an emergency

risk: Cellulitis is more likely with broken skin, athlete's foot, leg swelling, obesity, diabetes and previous cellulitis. Treating athlete's foot and moisturising cracked skin reduce recurrences.
# Hives (urticaria) [condition]
what: Hives, or urticaria, are raised, itchy welts on the skin that appear and fade within hours, caused by histamine release. They can appear anywhere on the body.
? what are hives
cause: Acute hives are triggered by infections, foods, medicines, insect stings or physical factors such as heat and pressure, though often no cause is found. Chronic hives often have no external trigger.
? broke out in itchy welts all over after dinner
tx: Non-sedating antihistamines are the main treatment; chronic hives lasting over six weeks may need higher doses or specialist treatment. Avoiding known triggers helps.
? what medicine is best for hives
care: Hives with swelling of the lips or tongue, difficulty breathing, wheezing or feeling faint may be anaphylaxis and need emergency treatment. Adrenaline is the first treatment for anaphylaxis.
? hives and my tongue feels swollen

# Skin cancer (melanoma) [condition]
what: Melanoma is a cancer of the pigment cells of the skin. It is less common than other skin cancers but more likely to spread.
? what is melanoma
sym: Warning signs follow ABCDE: asymmetry, irregular border, uneven colour, diameter over 6 mm, and evolving size, shape or colour. A new or changing mole should be checked.
? how do you tell if a mole is cancerous
risk: Risk is higher with sunburn history, sunbed use, fair skin, many moles, a family history and weakened immunity. A history of blistering sunburn in childhood is particularly significant.
? does using a tanning bed cause cancer
prev: Sun protection with shade, clothing, hats and broad-spectrum sunscreen, and avoiding sunbeds, reduce the risk. Children and people with fair skin need extra protection.
? what sunscreen should i use
tx: Early melanoma is usually cured by surgical removal; advanced melanoma is treated with immunotherapy and targeted drugs. Regular skin checks follow treatment.
? what is the treatment for melanoma

# Athlete's foot [condition]
what: Athlete's foot is a fungal infection of the skin of the feet, especially between the toes. It is common and easily spread in damp communal areas.
? what is athlete's foot
sym: It causes itchy, cracked, peeling or white soggy skin between the toes, sometimes with blisters. It can spread to the toenails, making them thick and discoloured.
? itchy peeling skin between my toes that smells
tx: Antifungal creams, sprays or powders from a pharmacy usually clear it within weeks, continued for a while after it looks better. Oral antifungals may be needed if the nails are involved.
? how long does athlete's foot cream take to work
prev: Drying feet well, wearing breathable socks and shoes, and using flip-flops in communal showers help prevent it. Not sharing towels or shoes also helps.
? how do i stop getting athletes foot at the gym

# Head lice [condition]
what: Head lice are tiny insects that live in scalp hair and feed on blood. They are common in school-age children and are not a sign of poor hygiene.
? what are head lice
sym: The main symptom is itching of the scalp; live lice and eggs (nits) may be seen close to the scalp, especially behind the ears. Itching may take weeks to develop after the first infestation.
? my daughter keeps scratching her head, how do i check for lice
tx: Treatment uses wet combing with a fine-toothed comb every few days for two weeks or lotions and sprays, repeated after a week; only people with live lice need treating. Checking other family members and treating those with lice at the same time prevents reinfection.
? what is the best lice treatment

prev: Lice spread by direct head-to-head contact rather than jumping or flying; regular checks with a detection comb catch infestations early, and children do not need to be kept off school. Lice cannot survive long away from the scalp.
? do i have to wash all the bedding and keep my kid home for lice
# Conjunctivitis (pink eye) [condition]
what: Conjunctivitis is inflammation of the thin membrane covering the white of the eye and inner eyelids, caused by viruses, bacteria or allergies. It is common and usually mild.
? what is pink eye
sym: It causes red, gritty, watery or sticky eyes, with crusting on waking in bacterial cases and itching in allergic cases. It often starts in one eye and spreads to the other.
? woke up with my eye glued shut with yellow gunk
tx: Most infective conjunctivitis clears within one to two weeks; cleaning the eyelids helps and antibiotic drops may be used for bacterial cases. Allergic conjunctivitis responds to antihistamine drops.
? do you need antibiotic drops for pink eye
care: Seek prompt care for eye pain, sensitivity to light, reduced vision, a very red eye or symptoms in contact lens wearers or newborns. These features may indicate a more serious eye condition.
? when is a red eye serious

# Cataracts [condition]
what: A cataract is clouding of the lens inside the eye, usually developing slowly with age. They are a leading cause of reversible blindness worldwide.
? what is a cataract
sym: Cataracts cause blurry or cloudy vision, faded colours, glare and halos around lights, and difficulty with night driving. Frequent changes in glasses prescription can be an early sign.
? headlights look like starbursts when i drive at night and everything's foggy
tx: When cataracts interfere with daily life, surgery replaces the cloudy lens with an artificial one; it is a common, usually day-case procedure with high success. Vision usually improves within days, and glasses may still be needed for some tasks.
? what is cataract surgery like
risk: Cataracts are more likely with ageing, diabetes, smoking, long-term steroid use, sunlight exposure and previous eye injury. Wearing sunglasses and not smoking may slow their development.
? what causes cataracts

# Glaucoma [condition]
what: Glaucoma is a group of eye diseases in which the optic nerve is damaged, often associated with raised pressure inside the eye, leading to gradual loss of vision. It is a leading cause of irreversible blindness.
? what is glaucoma
sym: The common open-angle form causes no symptoms until peripheral vision is lost. Acute angle-closure glaucoma causes a sudden painful red eye, blurred vision, halos, headache and vomiting.
? is glaucoma painful, how would i know i have it
dx: Glaucoma is detected by measuring eye pressure, examining the optic nerve and testing the visual field during eye examinations. Regular eye checks are especially important for people with a family history.
? how do they test for glaucoma
tx: Treatment lowers eye pressure with daily eye drops, laser treatment or surgery; vision already lost cannot be restored. Treatment is usually lifelong.
? what happens if i stop using my glaucoma drops

risk: Glaucoma risk rises with age, family history, African or Asian ancestry, short- or long-sightedness, diabetes and long-term steroid use; regular eye tests are advised for those at risk. People with a close relative with glaucoma may be eligible for free or more frequent testing in some countries.
care: A sudden painful red eye with blurred vision, halos around lights, headache and vomiting may be acute angle-closure glaucoma and needs emergency care. Delay can cause permanent loss of vision.
# Age-related macular degeneration [condition]
what: Age-related macular degeneration affects the macula, the central part of the retina, causing loss of central vision while side vision is preserved. It is a leading cause of vision loss in older adults.
? what is macular degeneration
sym: It causes blurring or a dark patch in the centre of vision, and straight lines appearing wavy, making reading and recognising faces difficult. It does not lead to complete blindness because side vision is kept.
? straight lines look wavy and there's a blurry spot in the middle when i read
tx: Wet AMD is treated with injections into the eye that block blood vessel growth; dry AMD has no cure, but specific vitamin supplements may slow intermediate disease. Low-vision aids and good lighting help daily activities.
? what shots do they give in the eye for macular degeneration
risk: AMD is more common after age 50 and with smoking, a family history and cardiovascular risk factors; stopping smoking is the most important modifiable step. A diet rich in leafy greens may be beneficial.
? does smoking cause macular degeneration
care: Sudden distortion or loss of central vision needs prompt eye assessment, because wet AMD treatment works best when started early. Checking each eye with a grid chart helps people at risk notice changes.
? my vision suddenly went wavy in one eye, is it urgent
"""
