import { compileKeyword, foldText, matchKeywords } from '../conditions/text-fold';
import { DEFAULT_KEYWORD_SETS } from '../defaults/default-rules';

describe('Turkish keyword folding', () => {
  it('folds dotted and dotless i, Turkish letters and case the same way', () => {
    expect(foldText('İPTAL')).toBe('iptal');
    expect(foldText('ıptal')).toBe('iptal');
    expect(foldText('IPTAL')).toBe('iptal');
    expect(foldText('Şikâyet ÇOK BERBAT, ğüöç')).toBe('sikayet cok berbat guoc');
    expect(foldText('  Rezalet!!!  avukat… ')).toBe('rezalet avukat');
  });

  it('matches whole words only', () => {
    expect(matchKeywords('rezervasyonumu İPTAL etmek istiyorum', ['iptal'])).toEqual(['iptal']);
    expect(matchKeywords('hospital stay', ['ital', 'pital'])).toEqual([]);
    expect(matchKeywords('iptaller hakkında', ['iptal'])).toEqual([]);
    expect(matchKeywords('cancelled?', ['cancel'])).toEqual([]);
  });

  it('a trailing * allows Turkish suffixes', () => {
    expect(matchKeywords('iptalini istiyorum', ['iptal*'])).toEqual(['iptal*']);
    expect(matchKeywords('Şikayetimi iletmek istiyorum', ['şikayet*'])).toEqual(['şikayet*']);
    expect(matchKeywords('I cancelled my booking', ['cancel*'])).toEqual(['cancel*']);
  });

  it('matches phrases as consecutive words, diacritics ignored on both sides', () => {
    expect(matchKeywords('Iptal etmek istiyorum', ['iptal etmek'])).toEqual(['iptal etmek']);
    expect(matchKeywords('iptal için etmek', ['iptal etmek'])).toEqual([]);
    expect(matchKeywords('TUKETICI HAKEM heyetine gidecegim', ['tüketici hakem*'])).toEqual(['tüketici hakem*']);
    expect(matchKeywords('para iadesi lutfen', ['para iadesi'])).toEqual(['para iadesi']);
  });

  it('ignores blank keywords and empty texts', () => {
    expect(compileKeyword('  * ')).toBeNull();
    expect(matchKeywords('', ['iptal'])).toEqual([]);
    expect(matchKeywords(null, ['iptal'])).toEqual([]);
  });

  it('the default sets catch the playbook examples in Turkish and English', () => {
    const hits = (text: string, set: string) => matchKeywords(text, DEFAULT_KEYWORD_SETS[set]).length > 0;
    expect(hits('rezervasyonumu İPTAL etmek istiyorum', 'cancellation')).toBe(true);
    expect(hits('I want a refund', 'cancellation')).toBe(true);
    expect(hits('Ücret İADESİ yapılmadı', 'cancellation')).toBe(true);
    expect(hits('Oda rezalet, avukatıma gideceğim', 'crisis')).toBe(true);
    expect(hits('This is unacceptable, I will call the police', 'crisis')).toBe(true);
    expect(hits('Merhaba, 3 gece için fiyat alabilir miyim?', 'cancellation')).toBe(false);
    expect(hits('Merhaba, 3 gece için fiyat alabilir miyim?', 'crisis')).toBe(false);
  });
});
