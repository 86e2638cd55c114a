/** Turkish messages of the RACI matrix editor; the shape is the English one. */
import type { RaciMessages } from './raci.en';

export const raciTr: RaciMessages = {
  title: 'RACI matrisi',
  subtitle:
    'Her adımda kim Sorumlu (R), Hesap veren (A), Danışılan (C) ve Bilgilendirilen (I). Yönlendirme buna göre yapılır: ' +
    'R atamayı ve ilk bildirimi alır, A süre aşımı eskalasyonlarını, C’ye danışılır, I özetleri alır.',
  loading: 'Matris yükleniyor…',
  loadError: 'RACI matrisi yüklenemedi.',
  readOnly: 'Matrisi görebilirsiniz; genel müdürler, yöneticiler ve ajans düzenleyebilir.',
  notSaved: 'Henüz kaydedilmedi: bunlar çalışma kılavuzunun varsayılan adımları.',
  savedBy: 'Sürüm {version}, {date} tarihinde {name} kaydetti.',
  savedAt: 'Sürüm {version}, {date} tarihinde kaydedildi.',
  legend: {
    title: 'Harfler',
    R: 'Sorumlu: işi yapar',
    A: 'Hesap veren: sonucun sahibi (her adımda tam bir tane)',
    C: 'Danışılan: karar öncesi fikri alınır',
    I: 'Bilgilendirilen: gelişmelerden haberdar edilir',
  },
  letters: { none: '—', R: 'R', A: 'A', C: 'C', I: 'I' },
  grid: {
    caption: 'Adımlar (satırlar) ve taraflar (sütunlar)',
    step: 'Adım',
    ok: 'Tamam',
    stepName: '{key} adımının adı',
    partyName: '{key} tarafının adı',
    cell: '{step} adımında {party}',
    removeStep: '{name} adımını kaldır',
    removeParty: '{name} tarafını kaldır',
    members: 'Üyeler',
    membersOf: '{name} üyeleri',
    memberCount: 'henüz üye yok ({team}) | {n} üye ({team}) | {n} üye ({team})',
    noTeam: 'ekip yok',
  },
  rules: {
    exactly_one_accountable: 'Tam olarak bir A olmalı ({count} var).',
    at_least_one_responsible: 'En az bir R olmalı.',
    unnamed: 'Her adımın ve tarafın bir adı olmalı.',
  },
  add: {
    step: 'Adım ekle',
    party: 'Taraf ekle',
    stepPlaceholder: 'Yeni adım, ör. Grup teklifi',
    partyPlaceholder: 'Yeni taraf, ör. Spa',
  },
  party: {
    team: 'Vaka ekibi',
    noTeam: 'Ekip yok',
    roles: 'Bu role sahip herkes',
    people: 'Kişiler',
    noPeople: 'Üye listesi için members.read yetkisi gerekir.',
    close: 'Kapat',
    roleNames: {
      viewer: 'İzleyici',
      agent: 'Temsilci',
      supervisor: 'Süpervizör',
      gm: 'Genel müdür',
      admin: 'Yönetici',
    },
  },
  save: 'Matrisi kaydet',
  saving: 'Kaydediliyor…',
  saved: 'Kaydedildi: sürüm {version}.',
  discard: 'Değişiklikleri at',
  invalid: 'Kaydetmeden önce işaretli satırları düzeltin.',
  errors: {
    invalid: 'Sunucu matrisi reddetti: {steps}',
    stale:
      'Matrisi bu arada başka biri kaydetti (şimdi sürüm {version}). Güncel hâlini yüklemek için değişikliklerinizi atın.',
  },
  routing: {
    title: 'Yönlendirme ve özet',
    autoAssign: "Yeni işleri R'ye ata",
    autoAssignHint:
      'Sahibi olmayan yeni vakalar ile onay, geri arama ve şikayet talepleri adımlarının Sorumlusuna gider: en az açık işi olan üyeye, tarafın ekibiyle. Devir, şikayet, onay ve SLA aşımında C’nin görüşü istenir.',
    digestTime: 'Günlük özet saati',
    digestHint:
      'Bir adımda Bilgilendirilen herkes dünün rakamlarını bu saatte (otel saatiyle) uygulamada ve e-postayla alır.',
    digestOff: 'Özet kapalı: kapatmak için saati silin, açmak için bir saat girin.',
    preview: 'Özeti önizle',
    previewLoading: 'Yükleniyor…',
    previewError: 'Özet yüklenemedi.',
    nextAt: 'Sonraki özet: {at}',
    notArmed: 'Planlanmış özet yok.',
    noInformed: 'Hiçbir adımda Bilgilendirilen taraf yok: kimse özet almaz.',
    recipients: 'Alıcılar: {names}',
  },
  copy: {
    title: 'Diğer otellere kopyala',
    hint: 'Onların matrislerini bunun kayıtlı sürümüyle değiştirir; orada çalışmayan kişiler dışarıda kalır.',
    submit: 'Kopyala',
    done: '{count} otele kopyalandı.',
    unsaved: 'Önce değişikliklerinizi kaydedin.',
  },
};
